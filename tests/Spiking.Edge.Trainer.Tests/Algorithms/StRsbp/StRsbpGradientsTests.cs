using Spiking.Edge.Trainer.Algorithms;
using Spiking.Edge.Trainer.Algorithms.StRsbp;
using Spiking.Edge.Trainer.Cells;
using Spiking.Edge.Trainer.Models;
using Spiking.Edge.Trainer.Tests.Cells;
using Spiking.Edge.Trainer.Tests.Training;
using Spiking.Edge.Trainer.Training;
using static TorchSharp.torch;

namespace Spiking.Edge.Trainer.Tests.Algorithms.StRsbp;

[Collection("TorchSharp")]
public class StRsbpGradientsTests
{
    private const int Ticks = 30;

    // Faster dynamics than the paper's (τ_s = 4, τ_m = 8) and thresholds suited to ~2 input spikes per tick.
    private static CubaLifOptions Cuba(float threshold) => new() { MembraneShift = 3, CurrentShift = 2, RefractoryTicks = 2, Threshold = threshold, InitWeight = 1f };

    private static SpikingNetwork Network(long seed = 2, int reservoirInputs = 16) => new(new NetworkConfig
    {
        InputSize = SyntheticSpikes.InputSize,
        OutputSize = SyntheticSpikes.Classes,
        Readout = NetworkReadout.SpikeCount,
        Seed = seed,
        Layers =
        [
            new LayerConfig { Cell = CellKind.CubaLif, Size = reservoirInputs, CubaLif = Cuba(3f) },
            new LayerConfig { Cell = CellKind.CubaLif, Size = 12, Recurrence = Recurrence.Reservoir, Reservoir = new ReservoirOptions { Grid = [2, 2, 3] }, CubaLif = Cuba(3f) },
            new LayerConfig { Cell = CellKind.CubaLif, Size = SyntheticSpikes.Classes, Recurrence = Recurrence.LateralInhibition, LateralInhibitionWeight = 1f, CubaLif = Cuba(3f) },
        ],
    });

    private static StRsbpOptions Options => new StRsbpOptions().ScaledTo(Ticks);

    [Fact]
    public void A_batch_gradient_equals_the_mean_of_per_sample_gradients()
    {
        var data = SyntheticSpikes.Create(4, Ticks, seed: 3);
        using var scope = NewDisposeScope();
        using var network = Network();
        using var method = new StRsbpGradients(network, Options);
        var (frames, labels) = Batch(data, 0, 4);
        var batch = Gradients(network, method, frames, labels, [0, 1, 2, 3]);
        var sum = batch.Select(g => new double[g.Length]).ToArray();
        for (var n = 0; n < 4; n++)
        {
            var single = Gradients(network, method, frames.narrow(1, n, 1), labels.narrow(0, n, 1), [n]);
            for (var p = 0; p < sum.Length; p++)
            {
                for (var k = 0; k < sum[p].Length; k++)
                {
                    sum[p][k] += single[p][k] / 4;
                }
            }
        }

        for (var p = 0; p < sum.Length; p++)
        {
            for (var k = 0; k < sum[p].Length; k++)
            {
                Assert.True(Math.Abs(sum[p][k] - batch[p][k]) <= 1e-4 * Math.Max(1, Math.Abs(sum[p][k])), $"parameter {p}, entry {k}: batch {batch[p][k]} vs mean {sum[p][k]}");
            }
        }

        Assert.Contains(batch[0], value => Math.Abs(value) > 1e-4);
    }

    [Fact]
    public void The_default_settings_are_scaled_to_the_run_length_and_an_unscaled_lambda_gives_other_gradients()
    {
        var data = SyntheticSpikes.Create(4, Ticks, seed: 5);
        using var scope = NewDisposeScope();
        using var network = Network();
        var (frames, labels) = Batch(data, 0, 4);
        int[] samples = [0, 1, 2, 3];
        var noBoost = new StRsbpOptions { Boosting = false };
        using var automatic = new StRsbpGradients(network, noBoost);
        using var scaled = new StRsbpGradients(network, noBoost.ScaledTo(Ticks));
        using var unscaledLambda = new StRsbpGradients(network, noBoost.ScaledTo(Ticks) with { RegularizerLambda = noBoost.RegularizerLambda });
        var fromDefaults = Gradients(network, automatic, frames, labels, samples);
        var fromScaled = Gradients(network, scaled, frames, labels, samples);
        var fromUnscaled = Gradients(network, unscaledLambda, frames, labels, samples);
        Assert.Equal(fromScaled.SelectMany(g => g), fromDefaults.SelectMany(g => g));
        Assert.NotEqual(fromScaled.SelectMany(g => g), fromUnscaled.SelectMany(g => g));
    }

    [Fact]
    public void Every_parameter_gets_a_gradient_and_missing_reservoir_connections_get_none()
    {
        var data = SyntheticSpikes.Create(8, Ticks, seed: 4);
        using var scope = NewDisposeScope();
        using var network = Network();
        using var method = new StRsbpGradients(network, Options);
        var (frames, labels) = Batch(data, 0, 8);
        var step = method.ComputeGradients(frames, labels, [0, 1, 2, 3, 4, 5, 6, 7]);
        foreach (var (name, parameter) in network.named_parameters())
        {
            Assert.True(parameter.grad is not null, $"{name} has no gradient");
            Assert.Equal(parameter.shape, parameter.grad!.shape);
            Assert.All(TensorAssert.Values(parameter.grad!), value => Assert.True(float.IsFinite(value), $"{name}: {value}"));
        }

        var reservoir = network.Layers[1];
        var gradient = TensorAssert.Values(reservoir.RecurrentWeight!.grad!);
        var mask = TensorAssert.Values(reservoir.RecurrentMask!);
        Assert.All(gradient.Zip(mask), pair => Assert.True(pair.Second > 0 || pair.First == 0f, "a missing connection got a gradient"));
        Assert.Contains(gradient, value => value != 0f);

        // The loss is the batch mean of the count cost, the correct count that of the spike-count decision.
        var activity = network.ForwardWithActivity(frames);
        var cost = SpikeCountCost.Compute(activity.Logits, labels, Options).Cost.mean().item<float>();
        Assert.Equal(cost, step.Loss, 4);
        Assert.Equal(SpikeCountCost.Predict(activity.Logits).eq(labels).sum().item<long>(), step.Correct);
    }

    [Fact]
    public void A_small_network_learns_a_separable_spiking_task_far_above_chance()
    {
        var train = SyntheticSpikes.Create(240, Ticks, seed: 1);
        var test = SyntheticSpikes.Create(200, Ticks, seed: 2);
        using var model = Network();
        var before = Evaluator.Evaluate(model, test, 32, Ticks).Accuracy;
        var options = new TrainingOptions
        {
            Epochs = 2,
            BatchSize = 8,
            LearningRate = 0.02,
            Seed = 5,
            TicksPerSample = Ticks,
            Algorithm = TrainingAlgorithm.StRsbp,
            StRsbp = Options,
            Schedule = LearningRateSchedule.InverseSqrtEpoch,
        };
        using var trainer = new TrainingLoop(model, options);
        var history = trainer.Fit(train, test);
        var after = trainer.Evaluate(test).Accuracy;
        Assert.True(after > 0.8, $"accuracy {before:P1} → {after:P1} (chance 25 %); per epoch {string.Join(", ", history.Select(h => $"{h.TrainAccuracy:P0}/{h.ValidationAccuracy:P0} loss {h.TrainLoss:F2}"))}");
    }

    [Fact]
    public void Live_tensor_count_does_not_grow_from_one_epoch_to_the_next()
    {
        var train = SyntheticSpikes.Create(48, Ticks, seed: 8);
        using var model = Network(seed: 4);
        var options = new TrainingOptions { Epochs = 3, BatchSize = 8, LearningRate = 1e-2, TicksPerSample = Ticks, Algorithm = TrainingAlgorithm.StRsbp, StRsbp = Options };
        using var trainer = new TrainingLoop(model, options);
        trainer.RunEpoch(train);
        var afterFirstEpoch = TorchSharp.DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        trainer.RunEpoch(train);
        Assert.Equal(afterFirstEpoch, TorchSharp.DisposeScopeManager.Statistics.ThreadTotalLiveCount);
    }

    [Fact]
    public void Boosting_weights_grow_for_misclassified_samples_after_an_epoch()
    {
        var train = SyntheticSpikes.Create(64, Ticks, seed: 6);
        using var model = Network(seed: 9);
        var options = new TrainingOptions { Epochs = 1, BatchSize = 16, LearningRate = 1e-3, TicksPerSample = Ticks, Algorithm = TrainingAlgorithm.StRsbp, StRsbp = Options };
        using var method = new StRsbpGradients(model, Options);
        using var scope = NewDisposeScope();
        var (frames, labels) = Batch(train, 0, 64);
        var step = method.ComputeGradients(frames, labels, [.. Enumerable.Range(0, 64)]);
        Assert.InRange(step.Correct, 0, 63);
        method.EndEpoch(1);
        var weights = Enumerable.Range(0, 64).Select(method.Boosting!.WeightOf).ToArray();
        Assert.Equal(64 - step.Correct, weights.Count(w => w > 1f));
        Assert.Equal(step.Correct, weights.Count(w => w == 1f));
    }

    [Fact]
    public void The_reference_transposed_solve_is_refused_for_a_reservoir_with_more_inputs_than_neurons()
    {
        using var network = Network(reservoirInputs: 20);
        var error = Assert.Throws<ArgumentException>(() => new StRsbpGradients(network, new StRsbpOptions { RecurrentSolve = RecurrentSolve.ReferenceTransposed }));
        Assert.StartsWith("RecurrentSolve.ReferenceTransposed needs a reservoir layer with as many inputs as neurons; layer 1 has 20 inputs and 12 neurons", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(nameof(StRsbpOptions.DesiredLevel))]
    [InlineData(nameof(StRsbpOptions.UndesiredLevel))]
    [InlineData(nameof(StRsbpOptions.Margin))]
    [InlineData(nameof(StRsbpOptions.BoostingDivisor))]
    [InlineData(nameof(StRsbpOptions.SilentEffectRatio))]
    [InlineData(nameof(StRsbpOptions.RecurrentSolve))]
    [InlineData(nameof(StRsbpOptions.RecurrentWeightGradient))]
    [InlineData(nameof(StRsbpOptions.MinimumDenominator))]
    [InlineData(nameof(StRsbpOptions.WeightLimit))]
    [InlineData(nameof(StRsbpOptions.RegularizerLambda))]
    [InlineData(nameof(StRsbpOptions.RegularizerBeta))]
    [InlineData(nameof(StRsbpOptions.ReservoirNormalizer))]
    [InlineData(nameof(StRsbpOptions.PolynomialSamples))]
    [InlineData(nameof(StRsbpOptions.MaxPresynapticCount))]
    public void Options_validation_refuses_a_bad_value_naming_the_field(string field)
    {
        var bad = field switch
        {
            nameof(StRsbpOptions.DesiredLevel) => new StRsbpOptions { DesiredLevel = 5 },
            nameof(StRsbpOptions.UndesiredLevel) => new StRsbpOptions { UndesiredLevel = -1 },
            nameof(StRsbpOptions.Margin) => new StRsbpOptions { Margin = double.NaN },
            nameof(StRsbpOptions.BoostingDivisor) => new StRsbpOptions { BoostingDivisor = 0 },
            nameof(StRsbpOptions.SilentEffectRatio) => new StRsbpOptions { SilentEffectRatio = -0.5 },
            nameof(StRsbpOptions.RecurrentSolve) => new StRsbpOptions { RecurrentSolve = (RecurrentSolve)7 },
            nameof(StRsbpOptions.RecurrentWeightGradient) => new StRsbpOptions { RecurrentWeightGradient = (RecurrentWeightGradient)7 },
            nameof(StRsbpOptions.MinimumDenominator) => new StRsbpOptions { MinimumDenominator = 0 },
            nameof(StRsbpOptions.WeightLimit) => new StRsbpOptions { WeightLimit = double.PositiveInfinity },
            nameof(StRsbpOptions.RegularizerLambda) => new StRsbpOptions { RegularizerLambda = -10 },
            nameof(StRsbpOptions.RegularizerBeta) => new StRsbpOptions { RegularizerBeta = double.NaN },
            nameof(StRsbpOptions.ReservoirNormalizer) => new StRsbpOptions { ReservoirNormalizer = (ReservoirRegularizerNormalizer)3 },
            nameof(StRsbpOptions.PolynomialSamples) => new StRsbpOptions { PolynomialSamples = 0 },
            _ => new StRsbpOptions { MaxPresynapticCount = 0 },
        };
        Assert.Equal(field, Assert.Throws<ArgumentOutOfRangeException>(bad.Validate).ParamName);
        Assert.Equal(field, Assert.Throws<ArgumentOutOfRangeException>(() => new TrainingOptions { StRsbp = bad }.Validate()).ParamName);
        new StRsbpOptions().Validate();
    }

    private static (Tensor Frames, Tensor Labels) Batch(ArrayBatchSource data, int start, int count)
    {
        var frames = new float[Ticks * count * SyntheticSpikes.InputSize];
        var labels = new long[count];
        data.FillBatch([.. Enumerable.Range(start, count)], frames, labels);
        return (tensor(frames).reshape(Ticks, count, SyntheticSpikes.InputSize), tensor(labels));
    }

    private static double[][] Gradients(SpikingNetwork network, StRsbpGradients method, Tensor frames, Tensor labels, int[] samples)
    {
        foreach (var parameter in network.parameters())
        {
            parameter.grad?.zero_();
        }

        method.ComputeGradients(frames, labels, samples);
        return [.. network.parameters().Select(p => TensorAssert.Values(p.grad!).Select(v => (double)v).ToArray())];
    }
}
