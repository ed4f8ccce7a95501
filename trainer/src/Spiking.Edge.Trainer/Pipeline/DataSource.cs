using Spiking.Edge.Devices.Conversion;
using Spiking.Edge.Trainer.Data;

namespace Spiking.Edge.Trainer.Pipeline;

/// <summary>
/// Opens the data a user points at: an N-MNIST folder (<c>Train/&lt;digit&gt;/*.bin</c>, <c>Test/…</c>) read as events,
/// or a folder of MNIST / Fashion-MNIST IDX files (<c>train-*</c> / <c>t10k-*</c>, .gz or raw) converted to events by
/// simulated saccades on the fly.
/// </summary>
public static class DataSource
{
    /// <summary>Fashion-MNIST's class names, in label order.</summary>
    public static IReadOnlyList<string> FashionMnistLabels { get; } =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    /// <summary>Loads split "Train" or "Test" of the data in <paramref name="folder"/>, at most <paramref name="limit"/> samples.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="InvalidDataException">The folder is neither an N-MNIST nor an IDX data set.</exception>
    public static EventDataset Load(string folder, string split, SaccadeOptions saccades, int limit = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(saccades);
        bool train = split.Equals("Train", StringComparison.OrdinalIgnoreCase);
        if (!train && !split.Equals("Test", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"split '{split}' is not valid; valid choices: Train, Test");
        }

        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"{folder}: data folder not found");
        }

        if (Directory.GetDirectories(folder).Any(d => Path.GetFileName(d).Equals(split, StringComparison.OrdinalIgnoreCase)))
        {
            int perClass = limit == int.MaxValue ? int.MaxValue : Math.Max(1, (limit + 9) / 10);
            var data = EventDataset.FromNMnistFolder(folder, split, perClass);
            return data.Samples.Count > limit ? data.Take(limit) : data;
        }

        string prefix = train ? "train" : "t10k";
        string? images = FindIdx(folder, prefix + "-images-idx3-ubyte");
        string? labels = FindIdx(folder, prefix + "-labels-idx1-ubyte");
        if (images == null || labels == null)
        {
            throw new InvalidDataException(
                $"{folder}: neither an N-MNIST folder ({split}/<digit>/*.bin) nor IDX files ({prefix}-images-idx3-ubyte[.gz], {prefix}-labels-idx1-ubyte[.gz])");
        }

        bool fashion = Path.GetFullPath(folder).Contains("fashion", StringComparison.OrdinalIgnoreCase);
        return EventDataset.FromIdx(images, labels, saccades, limit, fashion ? FashionMnistLabels : null);
    }

    private static string? FindIdx(string folder, string stem)
    {
        foreach (string candidate in new[] { stem + ".gz", stem, stem.Replace("-idx", ".idx", StringComparison.Ordinal) + ".gz" })
        {
            string path = Path.Combine(folder, candidate);
            if (File.Exists(path))
            {
                return path;
            }
        }

        return null;
    }
}
