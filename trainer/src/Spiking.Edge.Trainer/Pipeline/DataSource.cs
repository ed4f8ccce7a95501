using Spiking.Edge.Devices.Conversion;
using Spiking.Edge.Trainer.Data;
using Spiking.Edge.Trainer.Encoders;

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
        bool train = CheckSplit(split);
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"{folder}: data folder not found");
        }

        if (IsNMnist(folder, split))
        {
            int perClass = limit == int.MaxValue ? int.MaxValue : Math.Max(1, (limit + 9) / 10);
            var data = EventDataset.FromNMnistFolder(folder, split, perClass);
            return data.Samples.Count > limit ? data.Take(limit) : data;
        }

        var (images, labels) = RequireIdx(folder, train, split);
        return EventDataset.FromIdx(images, labels, saccades, limit, IsFashion(folder) ? FashionMnistLabels : null);
    }

    /// <summary>
    /// Opens split "Train" or "Test" of <paramref name="folder"/> as a <see cref="SampleSet"/>: N-MNIST folders as
    /// recorded events; IDX folders as images kept as pixels and encoded per <paramref name="encoding"/> on demand (so a
    /// full 60,000-image set never sits in memory as events).
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="InvalidDataException">The folder is neither an N-MNIST nor an IDX data set.</exception>
    public static SampleSet Open(string folder, string split, InputEncoding encoding, InputTiming timing, int seed, int limit = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(encoding);
        ArgumentNullException.ThrowIfNull(timing);
        encoding.Validate();
        bool train = CheckSplit(split);
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"{folder}: data folder not found");
        }

        if (IsNMnist(folder, split))
        {
            return SampleSet.FromEvents(Load(folder, split, new SaccadeOptions { Seed = seed }, limit));
        }

        var (images, labels) = RequireIdx(folder, train, split);
        var data = ImageDataset.FromIdx(images, labels, IsFashion(folder) ? FashionMnistLabels : null, limit);
        return SampleSet.FromImages(data, SampleSet.EncoderFor(encoding, timing, data.Images.Cols, data.Images.Rows, seed));
    }

    private static bool CheckSplit(string split)
    {
        bool train = split.Equals("Train", StringComparison.OrdinalIgnoreCase);
        if (!train && !split.Equals("Test", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"split '{split}' is not valid; valid choices: Train, Test");
        }

        return train;
    }

    private static bool IsNMnist(string folder, string split) =>
        Directory.GetDirectories(folder).Any(d => Path.GetFileName(d).Equals(split, StringComparison.OrdinalIgnoreCase));

    private static bool IsFashion(string folder) => Path.GetFullPath(folder).Contains("fashion", StringComparison.OrdinalIgnoreCase);

    private static (string Images, string Labels) RequireIdx(string folder, bool train, string split)
    {
        string prefix = train ? "train" : "t10k";
        string? images = FindIdx(folder, prefix + "-images-idx3-ubyte");
        string? labels = FindIdx(folder, prefix + "-labels-idx1-ubyte");
        if (images == null || labels == null)
        {
            throw new InvalidDataException(
                $"{folder}: neither an N-MNIST folder ({split}/<digit>/*.bin) nor IDX files ({prefix}-images-idx3-ubyte[.gz], {prefix}-labels-idx1-ubyte[.gz])");
        }

        return (images, labels);
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
