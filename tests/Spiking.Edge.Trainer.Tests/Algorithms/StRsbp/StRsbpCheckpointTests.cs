using Spiking.Edge.Trainer.Algorithms;
using Spiking.Edge.Trainer.Algorithms.StRsbp;
using Spiking.Edge.Trainer.Cells;
using Spiking.Edge.Trainer.Models;
using Spiking.Edge.Trainer.Tests.Cells;
using Spiking.Edge.Trainer.Tests.Training;
using Spiking.Edge.Trainer.Training;

namespace Spiking.Edge.Trainer.Tests.Algorithms.StRsbp;

[Collection("TorchSharp")]
public sealed class StRsbpCheckpointTests : IDisposable
{
    private const int Ticks = 20;
    private readonly string folder = Directory.CreateTempSubdirectory("strsbp-checkpoint-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static CubaLifOptions Cuba => new() { MembraneShift = 3, CurrentShift = 2, RefractoryTicks = 2, Threshold = 3f, InitWeight = 1f };

    private static SpikingNetwork Network() => new(new NetworkConfig
    {
        InputSize = SyntheticSpikes.InputSize,
        OutputSize = SyntheticSpikes.Classes,
        Readout = NetworkReadout.SpikeCount,
        Seed = 4,
        Layers =
        [
            new LayerConfig { Cell = CellKind.CubaLif, Size = 12, Recurrence = Recurrence.Reservoir, Reservoir = new ReservoirOptions { Grid = [2, 2, 3] }, CubaLif = Cuba },
            new LayerConfig { Cell = CellKind.CubaLif, Size = SyntheticSpikes.Classes, Recurrence = Recurrence.LateralInhibition, LateralInhibitionWeight = 1f, CubaLif = Cuba },
        ],
    });

    private static TrainingOptions Options(int epochs) => new()
    {
        Epochs = epochs,
        BatchSize = 8,
        LearningRate = 0.02,
        Seed = 3,
        TicksPerSample = Ticks,
        Algorithm = TrainingAlgorithm.StRsbp,
        StRsbp = new StRsbpOptions().ScaledTo(Ticks),
    };

    [Fact]
    public void A_resumed_st_rsbp_run_keeps_its_boosting_weights_and_ends_where_an_uninterrupted_run_ends()
    {
        var train = SyntheticSpikes.Create(64, Ticks, seed: 6);
        using var uninterruptedModel = Network();
        using var uninterrupted = new TrainingLoop(uninterruptedModel, Options(3));
        uninterrupted.Fit(train);

        var path = Path.Combine(folder, "run.ckpt");
        float[] boostedAfterOne;
        using (var firstModel = Network())
        using (var first = new TrainingLoop(firstModel, Options(1)))
        {
            first.Fit(train, checkpointPath: path);
            boostedAfterOne = first.Method.SaveState();
        }

        Assert.Contains(boostedAfterOne, w => w > 1f);
        using var resumed = Checkpoint.Load(path, epochs: 3);
        Assert.Equal(boostedAfterOne, resumed.Method.SaveState());
        resumed.Fit(train);
        Assert.Equal(uninterrupted.Method.SaveState(), resumed.Method.SaveState());
        Assert.Equal(uninterruptedModel.parameters().Select(TensorAssert.Values), resumed.Model.parameters().Select(TensorAssert.Values));
    }

    [Fact]
    public void Saved_boosting_weights_that_are_not_positive_are_refused()
    {
        var boosting = new Boosting(20);
        Assert.Throws<InvalidDataException>(() => boosting.Restore([1f, 0f]));
        Assert.Throws<InvalidDataException>(() => boosting.Restore([float.NaN]));
        boosting.Restore([1f, 2.5f]);
        Assert.Equal(2.5f, boosting.WeightOf(1));
    }
}
