using Spiking.Edge.Trainer.Baselines;
using TorchSharp;
using static TorchSharp.torch;

namespace Spiking.Edge.Trainer.Tests.Baselines;

[Collection("TorchSharp")]
public sealed class RecurrentBaselineTests
{
    [Theory]
    [InlineData(RecurrentBaselineKind.Lstm)]
    [InlineData(RecurrentBaselineKind.Gru)]
    public void Frames_become_one_logit_vector_per_sample(RecurrentBaselineKind kind)
    {
        using var model = new RecurrentBaseline(kind, inputSize: 6, hiddenSize: 5, layers: 2, outputSize: 3);
        using var frames = rand(7, 4, 6);
        using var logits = model.forward(frames);

        Assert.Equal(new long[] { 4, 3 }, logits.shape);
    }

    [Theory]
    [InlineData(RecurrentBaselineKind.Lstm)]
    [InlineData(RecurrentBaselineKind.Gru)]
    public void It_learns_which_half_of_the_inputs_is_active(RecurrentBaselineKind kind)
    {
        using var model = new RecurrentBaseline(kind, 8, 16, 1, 2, seed: 3);
        var generator = new Generator(5);
        using var labels = randint(0, 2, [64], generator: generator);
        using var mask = stack([labels.eq(0).unsqueeze(1).expand(64, 4), labels.eq(1).unsqueeze(1).expand(64, 4)], 1).reshape(64, 8).to_type(ScalarType.Float32);
        using var frames = (rand([10, 64, 8], generator: generator).lt(0.5).to_type(ScalarType.Float32) * mask).contiguous();
        using var optimizer = optim.Adam(model.parameters(), 0.01);
        for (int step = 0; step < 60; step++)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var loss = nn.functional.cross_entropy(model.forward(frames), labels);
            loss.backward();
            optimizer.step();
        }

        using var noGrad = no_grad();
        using var predicted = model.forward(frames).argmax(1);
        double accuracy = predicted.eq(labels).to_type(ScalarType.Float32).mean().item<float>();
        Assert.True(accuracy > 0.95, $"accuracy {accuracy:P1}");
    }

    [Fact]
    public void Frames_of_the_wrong_width_are_refused_with_both_shapes()
    {
        using var model = new RecurrentBaseline(RecurrentBaselineKind.Gru, 6, 4, 1, 2);
        using var frames = zeros(3, 2, 5);
        var error = Assert.Throws<ArgumentException>(() => model.forward(frames));
        Assert.Contains("[T, B, 6]", error.Message, StringComparison.Ordinal);
        Assert.Contains("[3, 2, 5]", error.Message, StringComparison.Ordinal);
    }
}
