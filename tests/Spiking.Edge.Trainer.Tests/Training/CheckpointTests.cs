using Spiking.Edge.Trainer.Models;
using Spiking.Edge.Trainer.Tests.Cells;
using Spiking.Edge.Trainer.Training;

namespace Spiking.Edge.Trainer.Tests.Training;

using Trainer = Spiking.Edge.Trainer.Training.Trainer;

[Collection("TorchSharp")]
public sealed class CheckpointTests : IDisposable
{
    private const int Ticks = 8;
    private readonly string folder = Directory.CreateTempSubdirectory("h5-checkpoint-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static TrainingOptions Options(int epochs) =>
        new() { Epochs = epochs, BatchSize = 16, LearningRate = 5e-3, Seed = 11, TicksPerSample = Ticks };

    private static float[][] Parameters(SpikingMlp model) => model.parameters().Select(TensorAssert.Values).ToArray();

    [Fact]
    public void Resuming_from_a_checkpoint_gives_the_same_parameters_as_an_uninterrupted_run()
    {
        var train = SyntheticSpikes.Create(160, Ticks, seed: 1);
        using var uninterruptedModel = new SpikingMlp(SyntheticSpikes.InputSize, [12], SyntheticSpikes.Classes, seed: 2);
        using var uninterrupted = new Trainer(uninterruptedModel, Options(3));
        uninterrupted.Fit(train);

        var path = Path.Combine(folder, "run.ckpt");
        using (var firstModel = new SpikingMlp(SyntheticSpikes.InputSize, [12], SyntheticSpikes.Classes, seed: 2))
        using (var first = new Trainer(firstModel, Options(1)))
        {
            first.Fit(train, checkpointPath: path);
        }

        using var resumed = Checkpoint.Load(path, epochs: 3);
        Assert.Equal(1, resumed.CompletedEpochs);
        resumed.Fit(train);

        Assert.Equal(3, resumed.CompletedEpochs);
        Assert.Equal(Parameters(uninterruptedModel), Parameters(resumed.Model));
        Assert.Equal(uninterrupted.History.Select(m => m.TrainLoss), resumed.History.Select(m => m.TrainLoss));
        Assert.Equal(Options(3), resumed.Options);
        Assert.Single(Directory.GetFiles(folder));
    }

    [Fact]
    public void File_without_the_magic_is_refused_naming_byte_0()
    {
        var path = Path.Combine(folder, "bad.ckpt");
        File.WriteAllBytes(path, "not a checkpoint"u8.ToArray());
        var error = Assert.Throws<InvalidDataException>(() => Checkpoint.Load(path));
        Assert.Contains("bad magic at byte 0", error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_checkpoint_is_refused()
    {
        var path = Path.Combine(folder, "run.ckpt");
        using (var model = new SpikingMlp(SyntheticSpikes.InputSize, [12], SyntheticSpikes.Classes, seed: 2))
        using (var trainer = new Trainer(model, Options(1)))
        {
            Checkpoint.Save(trainer, path);
        }

        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length - 3)]);
        var error = Assert.Throws<InvalidDataException>(() => Checkpoint.Load(path));
        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
    }
}
