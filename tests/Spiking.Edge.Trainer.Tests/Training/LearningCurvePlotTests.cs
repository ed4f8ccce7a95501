using Spiking.Edge.Trainer.Training;

namespace Spiking.Edge.Trainer.Tests.Training;

public sealed class LearningCurvePlotTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("h5-plot-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Png_is_written_for_curves_with_and_without_validation()
    {
        EpochMetrics[] withValidation = [new(1, 1.2, 0.5, 1.3, 0.45, 1), new(2, 0.8, 0.7, 0.9, 0.65, 1), new(3, 0.5, 0.85, 0.7, 0.8, 1)];
        EpochMetrics[] trainOnly = [new(1, 1.2, 0.5, null, null, 1)];
        foreach (var (metrics, name) in new[] { (withValidation, "a.png"), (trainOnly, "b.png") })
        {
            var path = Path.Combine(folder, name);
            LearningCurvePlot.Save(metrics, path);
            var bytes = File.ReadAllBytes(path);
            Assert.True(bytes.Length > 1000, $"{name}: {bytes.Length} bytes");
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
        }

        Assert.Equal(2, Directory.GetFiles(folder).Length);
    }

    [Fact]
    public void Path_not_ending_in_png_or_empty_metrics_are_refused()
    {
        EpochMetrics[] one = [new(1, 1, 0.5, null, null, 1)];
        Assert.Throws<ArgumentException>(() => LearningCurvePlot.Save(one, Path.Combine(folder, "curve.jpg")));
        Assert.Throws<ArgumentException>(() => LearningCurvePlot.Save([], Path.Combine(folder, "curve.png")));
    }
}
