using Spiking.Edge.Trainer.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Spiking.Edge.Trainer.Tests.Models;

/// <summary>
/// A small separable spiking task: <see cref="Classes"/> classes, each lighting its own group of
/// <see cref="ChannelsPerClass"/> input channels with spike probability 0.4 per tick over a background of 0.05.
/// </summary>
internal static class TinyTask
{
    public const int Classes = 4;
    public const int ChannelsPerClass = 8;
    public const int Inputs = Classes * ChannelsPerClass;
    public const int Ticks = 12;

    public static (Tensor Frames, Tensor Labels) Samples(int count, int seed)
    {
        using var generator = new Generator((ulong)seed);
        var labels = arange(count, dtype: ScalarType.Int64).remainder(Classes);
        using var channelClass = arange(Inputs, dtype: ScalarType.Int64).div(ChannelsPerClass, rounding_mode: RoundingMode.floor);
        using var active = labels.unsqueeze(1).eq(channelClass.unsqueeze(0)).to_type(ScalarType.Float32);
        using var rate = active.mul(0.35f).add_(0.05f);
        using var noise = rand(new long[] { Ticks, count, Inputs }, generator: generator);
        var frames = noise.lt(rate.unsqueeze(0)).to_type(ScalarType.Float32);
        return (frames, labels);
    }

    /// <summary>Trains with Adam on cross-entropy of the logits (full batch) and returns the held-out accuracy.</summary>
    public static double TrainAndTest(SpikingNetwork network, int steps, double learningRate, float logitScale = 1f)
    {
        var (trainFrames, trainLabels) = Samples(128, seed: 1);
        var (testFrames, testLabels) = Samples(128, seed: 2);
        using var optimizer = optim.Adam(network.parameters(), learningRate);
        for (var step = 0; step < steps; step++)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var logits = network.forward(trainFrames).mul(logitScale);
            nn.functional.cross_entropy(logits, trainLabels).backward();
            optimizer.step();
        }

        using (no_grad())
        using (var scope = NewDisposeScope())
        {
            var predicted = network.forward(testFrames).argmax(1);
            return predicted.eq(testLabels).to_type(ScalarType.Float32).mean().item<float>();
        }
    }
}
