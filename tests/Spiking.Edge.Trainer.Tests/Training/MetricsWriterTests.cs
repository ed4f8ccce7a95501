using System.Globalization;
using System.Text.Json;
using Spiking.Edge.Trainer.Training;

namespace Spiking.Edge.Trainer.Tests.Training;

public sealed class MetricsWriterTests : IDisposable
{
    private static readonly EpochMetrics[] Metrics =
    [
        new(1, 1.25, 0.5, 1.5, 0.4, 2.5),
        new(2, 0.75, 0.8125, null, null, 3.0),
    ];

    private readonly string folder = Directory.CreateTempSubdirectory("h5-metrics-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Csv_has_a_header_and_one_row_per_epoch_with_empty_cells_for_missing_validation()
    {
        var path = Path.Combine(folder, "metrics.csv");
        MetricsWriter.Write(Metrics, path);
        var lines = File.ReadAllLines(path);
        Assert.Equal(MetricsWriter.CsvHeader, lines[0]);
        Assert.Equal(3, lines.Length);
        var first = lines[1].Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(new[] { 1, 1.25, 0.5, 1.5, 0.4, 2.5 }, first);
        Assert.Equal(["2", "0.75", "0.8125", "", "", "3"], lines[2].Split(','));
        Assert.Single(Directory.GetFiles(folder));
    }

    [Fact]
    public void Json_holds_every_epoch_with_nulls_for_missing_validation()
    {
        var path = Path.Combine(folder, "metrics.JSON");
        MetricsWriter.Write(Metrics, path);
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var epochs = document.RootElement.EnumerateArray().ToArray();
        Assert.Equal(2, epochs.Length);
        Assert.Equal(0.4, epochs[0].GetProperty("validation_accuracy").GetDouble());
        Assert.Equal(JsonValueKind.Null, epochs[1].GetProperty("validation_loss").ValueKind);
        Assert.Equal(0.8125, epochs[1].GetProperty("train_accuracy").GetDouble());
    }

    [Fact]
    public void Unknown_extension_is_refused_listing_the_valid_choices()
    {
        var path = Path.Combine(folder, "metrics.txt");
        var error = Assert.Throws<ArgumentException>(() => MetricsWriter.Write(Metrics, path));
        Assert.Contains("valid choices: .csv, .json", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(folder));
    }
}
