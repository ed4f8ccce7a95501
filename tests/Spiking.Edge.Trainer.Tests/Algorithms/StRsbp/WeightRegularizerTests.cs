using Spiking.Edge.Trainer.Algorithms.StRsbp;
using Spiking.Edge.Trainer.Tests.Cells;
using static TorchSharp.torch;

namespace Spiking.Edge.Trainer.Tests.Algorithms.StRsbp;

[Collection("TorchSharp")]
public class WeightRegularizerTests
{
    [Fact]
    public void The_exponential_regulariser_matches_hand_computed_values_per_postsynaptic_row()
    {
        // Λ = 8, λ = 10, β = 0.04, N_in = 2 → normaliser 3. Row 0 (8, 0): m = 1/3, factor λβ/Λ·exp(β(m − 1)) = 0.05·exp(−0.02667)
        // = 0.0486843 → gradient (0.389474, 0). Row 1 (4, 4): m = 0.5/3 → factor 0.0483608 → (0.193443, 0.193443).
        using var scope = NewDisposeScope();
        var weight = tensor(new float[] { 8, 0, 4, 4 }).reshape(2, 2);
        var (gradient, recurrent) = WeightRegularizer.Gradient(weight, null, null, new StRsbpOptions());
        LayerTesting.Near([0.389474f, 0f, 0.193443f, 0.193443f], gradient);
        Assert.Null(recurrent);
    }

    [Fact]
    public void A_reservoir_row_includes_its_recurrent_weights_and_the_normaliser_follows_the_option()
    {
        // Recurrent connection 1 → 0 with weight 8 (mask has one entry). Reference normaliser: N_in + all connections + 1 = 4
        // for every row. Row 0: m = (1 + 1)/4 → factor 0.05·exp(−0.02) → 0.392079 on w = 8 (also the recurrent one).
        // Row 1: m = 0.5/4 → 0.193121. With the neuron's own fan-in, row 1 (no recurrent input) uses 3: 0.193443.
        using var scope = NewDisposeScope();
        var weight = tensor(new float[] { 8, 0, 4, 4 }).reshape(2, 2);
        var mask = tensor(new float[] { 0, 1, 0, 0 }).reshape(2, 2);
        var recurrentWeight = tensor(new float[] { 5, 8, 0, 0 }).reshape(2, 2);
        var (gradient, recurrent) = WeightRegularizer.Gradient(weight, recurrentWeight, mask, new StRsbpOptions());
        LayerTesting.Near([0.392079f, 0f, 0.193121f, 0.193121f], gradient);
        LayerTesting.Near([0f, 0.392079f, 0f, 0f], recurrent!);
        var own = WeightRegularizer.Gradient(weight, recurrentWeight, mask, new StRsbpOptions { ReservoirNormalizer = ReservoirRegularizerNormalizer.OwnFanIn });
        LayerTesting.Near([0.392079f, 0f, 0.193443f, 0.193443f], own.Weight);
    }
}
