using Spiking.Edge.Trainer.Algorithms;
using Spiking.Edge.Trainer.Algorithms.Lee2016;
using Spiking.Edge.Trainer.Cells;
using Spiking.Edge.Trainer.Models;
using Spiking.Edge.Trainer.Tests.Training;
using Spiking.Edge.Trainer.Training;
using TorchSharp;
using static Spiking.Edge.Trainer.Tests.Algorithms.Lee2016.LeeTesting;
using static TorchSharp.torch;

namespace Spiking.Edge.Trainer.Tests.Algorithms.Lee2016;

[Collection("TorchSharp")]
public class Lee2016GradientsTests
{
    private const int Ticks = 10;

    private static SpikingNetwork Network(bool bias = false, int hidden = 5, int inputs = 6, int outputs = 3, float alpha = 1f) => new(new NetworkConfig
    {
        InputSize = inputs,
        OutputSize = outputs,
        Readout = NetworkReadout.SpikeCount,
        Seed = 4,
        Layers =
        [
            new LayerConfig { Cell = CellKind.LeeLif, Size = hidden, Bias = bias, LeeLif = new LeeLifOptions { ThresholdAlpha = alpha, Inhibition = 0.1f } },
            new LayerConfig { Cell = CellKind.LeeLif, Size = outputs, Bias = bias, LeeLif = new LeeLifOptions { ThresholdAlpha = alpha, Inhibition = 0.1f } },
        ],
    });

    private static (Tensor Frames, Tensor Labels) Batch(int batch, int inputs = 6, int classes = 3, int seed = 9)
    {
        using var generator = new Generator((ulong)seed);
        var frames = rand([Ticks, batch, inputs], generator: generator).lt(0.5f).to_type(ScalarType.Float32);
        var labels = arange(batch, dtype: ScalarType.Int64).remainder(classes);
        return (frames, labels);
    }

    private static double[] Gradients(SpikingNetwork network) =>
        [.. network.parameters().SelectMany(p => p.grad is null ? new double[p.numel()] : Values(p.grad))];

    private static void ZeroGradients(SpikingNetwork network)
    {
        foreach (var parameter in network.parameters())
        {
            parameter.grad?.zero_();
        }
    }

    [Fact]
    public void A_batch_gradient_equals_the_mean_of_per_sample_gradients()
    {
        using var scope = NewDisposeScope();
        using var network = Network(bias: true);
        var (frames, labels) = Batch(4);
        using (no_grad())
        {
            var activity = network.ForwardWithActivity(frames);
            Assert.True(activity.LayerOutputs[0].sum().item<float>() > 0, "the hidden layer must fire for the test to mean anything");
            Assert.True(activity.LayerOutputs[1].sum().item<float>() > 0, "the output layer must fire for the test to mean anything");
        }

        using var method = new Lee2016Gradients(network, new Lee2016Options());
        var step = method.ComputeGradients(frames, labels, [0, 1, 2, 3]);
        var batch = Gradients(network);
        ZeroGradients(network);

        double lossSum = 0;
        long correct = 0;
        for (var n = 0; n < 4; n++)
        {
            var single = method.ComputeGradients(frames.narrow(1, n, 1), labels.narrow(0, n, 1), [n]);
            lossSum += single.Loss;
            correct += single.Correct;
        }

        // The per-sample gradients accumulated into .grad: their mean is the sum over four.
        var mean = Gradients(network).Select(g => g / 4).ToArray();
        Assert.Contains(batch, g => g != 0);
        for (var k = 0; k < batch.Length; k++)
        {
            Assert.True(Math.Abs(batch[k] - mean[k]) <= 1e-5 * Math.Max(1, Math.Abs(batch[k])), $"parameter element {k}: batch {batch[k]}, mean of samples {mean[k]}");
        }

        Assert.Equal(lossSum / 4, step.Loss, 5);
        Assert.Equal(correct, step.Correct);
    }

    [Fact]
    public void Every_trainable_parameter_receives_a_gradient()
    {
        using var scope = NewDisposeScope();
        using var network = Network(bias: true);
        var (frames, labels) = Batch(4);
        using var method = new Lee2016Gradients(network, new Lee2016Options());
        method.ComputeGradients(frames, labels, [0, 1, 2, 3]);
        foreach (var (name, parameter) in network.named_parameters())
        {
            Assert.True(parameter.grad is not null, $"{name} has no gradient");
            Assert.True(parameter.grad!.abs().sum().item<float>() > 0, $"{name}'s gradient is zero");
        }
    }

    [Fact]
    public void Frozen_thresholds_receive_no_gradient()
    {
        using var scope = NewDisposeScope();
        using var network = Network();
        var (frames, labels) = Batch(2);
        using var method = new Lee2016Gradients(network, new Lee2016Options { TrainThresholds = false });
        method.ComputeGradients(frames, labels, [0, 1]);
        Assert.All(network.Layers, layer => Assert.Null(((LeeLifLayer)layer).Threshold.grad));
        Assert.All(network.Layers, layer => Assert.NotNull(layer.Weight.grad));
    }

    [Fact]
    public void After_a_step_the_threshold_rule_moves_thresholds_by_the_batch_counts_keeping_the_layer_mean()
    {
        using var scope = NewDisposeScope();
        using var network = Network();
        var (frames, labels) = Batch(4);
        const double rate = 0.01;
        Tensor[] meanCounts;
        using (no_grad())
        {
            meanCounts = [.. network.ForwardWithActivity(frames).LayerOutputs.Select(o => o.sum([0]).mean([0]))];
        }

        var layers = network.Layers.Cast<LeeLifLayer>().ToArray();
        var before = layers.Select(l => Values(l.Threshold)).ToArray();
        using var method = new Lee2016Gradients(network, new Lee2016Options { ThresholdRegularisation = rate });
        method.ComputeGradients(frames, labels, [0, 1, 2, 3]);
        method.AfterStep();
        for (var l = 0; l < layers.Length; l++)
        {
            var counts = Values(meanCounts[l]);
            var n = counts.Length;
            var expected = before[l].Select((theta, i) => theta + (rate * layers[l].InitialThreshold * ((n * counts[i]) - counts.Sum()))).ToArray();
            Near(expected, layers[l].Threshold, 1e-5, $"layer {l}");
            Assert.Equal(before[l].Average(), Values(layers[l].Threshold).Average(), 5);
        }

    }

    [Fact]
    public void After_a_step_a_threshold_below_the_forward_floor_is_clamped_to_it()
    {
        using var scope = NewDisposeScope();
        using var network = Network();
        var (frames, labels) = Batch(2);
        var layer = (LeeLifLayer)network.Layers[0];
        using var method = new Lee2016Gradients(network, new Lee2016Options { ThresholdRegularisation = 0 });
        method.ComputeGradients(frames, labels, [0, 1]);
        using (no_grad())
        {
            layer.Threshold[0] = tensor(-1f);
        }

        var others = Values(layer.Threshold)[1..];
        method.AfterStep();
        var after = Values(layer.Threshold);
        // LeeLifLayer's forward pass uses max(θ, 1 % of θ(0)).
        Assert.Equal(0.01 * layer.InitialThreshold, after[0], 6);
        Assert.Equal(others, after[1..]);
    }

    [Theory]
    [InlineData(CountLoss.CrossEntropy)]
    [InlineData(CountLoss.NormalisedMse)]
    public void A_small_lee_network_trained_with_lee2016_learns_far_above_chance(CountLoss loss)
    {
        var train = SyntheticSpikes.Create(480, Ticks, seed: 1);
        var test = SyntheticSpikes.Create(200, Ticks, seed: 2);
        using var model = new SpikingNetwork(new NetworkConfig
        {
            InputSize = SyntheticSpikes.InputSize,
            OutputSize = SyntheticSpikes.Classes,
            Readout = NetworkReadout.SpikeCount,
            Seed = 3,
            Layers =
            [
                new LayerConfig { Cell = CellKind.LeeLif, Size = 16, LeeLif = new LeeLifOptions() },
                new LayerConfig { Cell = CellKind.LeeLif, Size = SyntheticSpikes.Classes, LeeLif = new LeeLifOptions() },
            ],
        });
        var options = new TrainingOptions { Epochs = 4, BatchSize = 16, LearningRate = 1e-2, Seed = 5, TicksPerSample = Ticks, Algorithm = TrainingAlgorithm.Lee2016, Lee2016 = new Lee2016Options { Loss = loss } };
        using var trainer = new TrainingLoop(model, options);
        var history = trainer.Fit(train, test);

        var result = trainer.Evaluate(test);
        Assert.True(result.Accuracy > 0.9, $"accuracy {result.Accuracy:P1} (chance 25 %)");
        Assert.True(history[^1].TrainLoss < history[0].TrainLoss, $"loss {history[0].TrainLoss} → {history[^1].TrainLoss}");
    }

    [Fact]
    public void The_training_loop_creates_this_method_for_lee2016()
    {
        using var network = Network();
        using var method = GradientMethods.Create(network, new TrainingOptions { Algorithm = TrainingAlgorithm.Lee2016 });
        Assert.IsType<Lee2016Gradients>(method);
    }

    [Fact]
    public void A_coupling_the_solve_cannot_invert_is_refused_naming_the_layer()
    {
        using var network = new SpikingNetwork(new NetworkConfig
        {
            InputSize = 4,
            OutputSize = 2,
            Readout = NetworkReadout.SpikeCount,
            Layers = [new LayerConfig { Cell = CellKind.LeeLif, Size = 2, LeeLif = new LeeLifOptions { Inhibition = 1.5f } }],
        });
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new Lee2016Gradients(network, new Lee2016Options()));
        Assert.Contains("layer 0", error.Message, StringComparison.Ordinal);
        using var firstOrder = new Lee2016Gradients(network, new Lee2016Options { Wta = WtaBackward.FirstOrder });
    }
}
