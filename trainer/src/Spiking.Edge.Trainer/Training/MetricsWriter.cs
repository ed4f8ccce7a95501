using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Spiking.Edge.Trainer.Training;

/// <summary>Writes per-epoch metrics as CSV (<c>.csv</c>) or JSON (<c>.json</c>), chosen by the file extension; temp file then rename.</summary>
public static class MetricsWriter
{
    /// <summary>The CSV header line.</summary>
    public const string CsvHeader = "epoch,train_loss,train_accuracy,validation_loss,validation_accuracy,seconds";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>Writes <paramref name="metrics"/> to <paramref name="path"/>; a missing validation value is an empty CSV cell or JSON null.</summary>
    /// <param name="metrics">Epoch metrics in order.</param>
    /// <param name="path">Destination ending in .csv or .json (case-insensitive).</param>
    public static void Write(IReadOnlyList<EpochMetrics> metrics, string path)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var extension = Path.GetExtension(path).ToLowerInvariant();
        var text = extension switch
        {
            ".csv" => ToCsv(metrics),
            ".json" => JsonSerializer.Serialize(metrics, Json) + "\n",
            _ => throw new ArgumentException($"Metrics file '{path}' has extension '{extension}'; valid choices: .csv, .json.", nameof(path)),
        };
        AtomicFile.WriteAllBytes(path, Encoding.UTF8.GetBytes(text));
    }

    private static string ToCsv(IReadOnlyList<EpochMetrics> metrics)
    {
        var text = new StringBuilder(CsvHeader).Append('\n');
        foreach (var m in metrics)
        {
            text.Append(CultureInfo.InvariantCulture, $"{m.Epoch},{m.TrainLoss:R},{m.TrainAccuracy:R},{m.ValidationLoss:R},{m.ValidationAccuracy:R},{m.Seconds:R}\n");
        }

        return text.ToString();
    }
}
