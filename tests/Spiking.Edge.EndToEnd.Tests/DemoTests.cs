using System.Text.Json;

namespace Spiking.Edge.EndToEnd.Tests;

[Collection("TorchSharp")]
public class DemoTests
{
    [Fact]
    public void A_small_demo_prints_every_figure_and_a_snake_case_json_summary_on_the_last_line()
    {
        string output = CliRunner.TempFolder();
        var (exit, text, error) = CliRunner.Run("demo", "--json", "--out", output, "--train-samples", "400", "--test-samples", "100", "--epochs", "1", "--hidden", "32");
        Assert.True(exit == 0, error + text);
        string last = text.TrimEnd().Split('\n')[^1];
        using var json = JsonDocument.Parse(last);
        var root = json.RootElement;
        foreach (string key in new[] { "float_accuracy", "integer_accuracy", "edge_accuracy", "edge_matches_integer", "model_bytes", "weight_sparsity", "synops_per_sample", "wall_time_seconds" })
        {
            Assert.True(root.TryGetProperty(key, out _), "missing " + key);
        }

        Assert.True(root.GetProperty("edge_matches_integer").GetBoolean());
        Assert.Equal(root.GetProperty("integer_accuracy").GetDouble(), root.GetProperty("edge_accuracy").GetDouble());
        Assert.Equal(new FileInfo(Path.Combine(output, "demo-model.semodel")).Length, root.GetProperty("model_bytes").GetInt64());
        Assert.InRange(root.GetProperty("weight_sparsity").GetDouble(), 0.5, 1.0);
        Assert.True(root.GetProperty("synops_per_sample").GetDouble() > 0);
        Assert.Contains("float accuracy", text, StringComparison.Ordinal);
    }
}
