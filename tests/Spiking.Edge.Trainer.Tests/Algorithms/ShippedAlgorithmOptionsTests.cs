using Spiking.Edge.Trainer.Algorithms;
using Spiking.Edge.Trainer.Algorithms.Lee2016;
using Spiking.Edge.Trainer.Algorithms.StRsbp;
using Spiking.Edge.TestSupport;
using Spiking.Edge.Trainer.Training;

namespace Spiking.Edge.Trainer.Tests.Algorithms;

/// <summary>The algorithm settings files shipped in trainer/configs/algorithms (read by <c>--algo-options</c>).</summary>
public class ShippedAlgorithmOptionsTests
{
    private static string Folder => Path.Combine(TestPaths.RepoRoot, "trainer", "configs", "algorithms");

    private static TrainingOptions Read(string file)
    {
        var algorithm = file.StartsWith("st-rsbp", StringComparison.Ordinal) ? TrainingAlgorithm.StRsbp : TrainingAlgorithm.Lee2016;
        return AlgorithmOptionsJson.Apply(new TrainingOptions { Algorithm = algorithm }, File.ReadAllText(Path.Combine(Folder, file)));
    }

    public static TheoryData<string> Files() => [.. Directory.GetFiles(Folder, "*.json").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_shipped_settings_file_is_named_for_its_algorithm_and_reads_without_error(string file)
    {
        Assert.True(file.StartsWith("st-rsbp", StringComparison.Ordinal) || file.StartsWith("lee2016", StringComparison.Ordinal), $"{file}: name it st-rsbp-… or lee2016-…");
        _ = Read(file);
    }

    [Fact]
    public void The_lee2016_defaults_file_spells_out_exactly_the_defaults() =>
        Assert.Equal(new Lee2016Options(), Read("lee2016-defaults.json").Lee2016);

    [Fact]
    public void The_st_rsbp_files_change_only_what_they_name()
    {
        Assert.Equal(new StRsbpOptions { RegularizerBeta = 0.01 }, Read("st-rsbp-nmnist.json").StRsbp);
        Assert.Equal(
            new StRsbpOptions { RecurrentSolve = RecurrentSolve.ReferenceTransposed, RecurrentWeightGradient = RecurrentWeightGradient.Diagonal },
            Read("st-rsbp-reference-variant.json").StRsbp);
    }
}
