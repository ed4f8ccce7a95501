using System.Text.Json;

namespace Spiking.Edge.EndToEnd.Tests;

/// <summary>The demo as a user runs it (all defaults): the int8 model keeps the float network's accuracy.</summary>
[Collection("TorchSharp")]
public class DemoAccuracyTests
{
    [Fact]
    public void The_default_demo_keeps_integer_accuracy_within_one_point_of_float_and_the_edge_bit_exact()
    {
        string output = CliRunner.TempFolder();
        var (exit, text, error) = CliRunner.Run("demo", "--json", "--out", output);
        Assert.True(exit == 0, error + text);
        using var json = JsonDocument.Parse(text.TrimEnd().Split('\n')[^1]);
        var root = json.RootElement;
        double floatAccuracy = root.GetProperty("float_accuracy").GetDouble();
        double integerAccuracy = root.GetProperty("integer_accuracy").GetDouble();
        Assert.True(Math.Abs(floatAccuracy - integerAccuracy) <= 0.01, $"float {floatAccuracy:P2} vs integer {integerAccuracy:P2}");
        Assert.True(root.GetProperty("edge_matches_integer").GetBoolean());
        Assert.Equal(integerAccuracy, root.GetProperty("edge_accuracy").GetDouble());
        Assert.True(floatAccuracy > 0.7, $"float accuracy {floatAccuracy:P2} is far below what this network reaches on Fashion-MNIST");
    }
}
