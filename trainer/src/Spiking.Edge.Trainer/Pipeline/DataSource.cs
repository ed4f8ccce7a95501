using Spiking.Edge.Devices.Conversion;
using Spiking.Edge.Trainer.Data;
using Spiking.Edge.Trainer.Encoders;

namespace Spiking.Edge.Trainer.Pipeline;

/// <summary>
/// Opens the data a user points at: a folder of labelled recordings (<c>Train/&lt;label&gt;/&lt;file&gt;</c>,
/// <c>Test/…</c>, any event format, N-MNIST among them) read as events, optionally transformed, or a folder of MNIST /
/// Fashion-MNIST IDX files (<c>train-*</c> / <c>t10k-*</c>, .gz or raw) converted to events on the fly.
/// </summary>
public static class DataSource
{
    /// <summary>Fashion-MNIST's class names, in label order.</summary>
    public static IReadOnlyList<string> FashionMnistLabels { get; } =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    /// <summary>Loads split "Train" or "Test" of the data in <paramref name="folder"/>, at most <paramref name="limit"/> samples.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="InvalidDataException">The folder is neither a labelled event folder nor an IDX data set.</exception>
    public static EventDataset Load(string folder, string split, SaccadeOptions saccades, int limit = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(saccades);
        bool train = CheckSplit(split);
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"{folder}: data folder not found");
        }

        if (IsEventFolder(folder, split))
        {
            return LoadEvents(folder, split, null, limit);
        }

        var (images, labels) = RequireIdx(folder, train, split);
        return EventDataset.FromIdx(images, labels, saccades, limit, IsFashion(folder) ? FashionMnistLabels : null);
    }

    /// <summary>
    /// Opens split "Train" or "Test" of <paramref name="folder"/> as a <see cref="SampleSet"/>: labelled event folders as
    /// recorded events, each sample put through <see cref="InputEncoding.Transform"/> when loaded and training batches
    /// augmented by <see cref="InputEncoding.Augment"/> (seeded by <paramref name="seed"/>); IDX folders as images kept
    /// as pixels and encoded per <paramref name="encoding"/> on demand (so a full 60,000-image set never sits in memory
    /// as events).
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="InvalidDataException">The folder is neither a labelled event folder nor an IDX data set, or its
    /// files do not agree (see <see cref="EventDataset.FromLabelledFolder"/>).</exception>
    /// <exception cref="ArgumentException">A transform or augmentation is asked of IDX images, or is malformed.</exception>
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

        if (IsEventFolder(folder, split))
        {
            var augmentation = encoding.Augment is null ? null : EventAugmentation.Parse(encoding.Augment);
            return SampleSet.FromEvents(LoadEvents(folder, split, encoding.Transform, limit), augmentation, seed);
        }

        var (images, labels) = RequireIdx(folder, train, split);
        if (encoding.Transform is not null || encoding.Augment is not null)
        {
            throw new ArgumentException(
                $"{folder}: transforms and augmentation apply to recorded events ({split}/<label>/<event files>), not to IDX images");
        }

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

    private static bool IsEventFolder(string folder, string split) =>
        Directory.GetDirectories(folder).Any(d => Path.GetFileName(d).Equals(split, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The split's recordings, at most <paramref name="limit"/> (an equal share per class, then the first ones), labelled
    /// by the class folders of the Train and Test splits together so that both splits share one label order.
    /// </summary>
    private static EventDataset LoadEvents(string folder, string split, string? transform, int limit)
    {
        string[] labels = [.. Directory.GetDirectories(folder)
            .Where(d => Path.GetFileName(d).Equals("Train", StringComparison.OrdinalIgnoreCase) || Path.GetFileName(d).Equals("Test", StringComparison.OrdinalIgnoreCase))
            .SelectMany(Directory.GetDirectories)
            .Select(d => Path.GetFileName(d))
            .Where(name => !name.StartsWith('.'))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];
        int perClass = limit == int.MaxValue ? int.MaxValue : Math.Max(1, (int)((limit + (long)Math.Max(1, labels.Length) - 1) / Math.Max(1, labels.Length)));
        var data = EventDataset.FromLabelledFolder(folder, split, perClass, transform, labels.Length > 0 ? labels : null);
        return data.Samples.Count > limit ? data.Take(limit) : data;
    }

    private static bool IsFashion(string folder) => Path.GetFullPath(folder).Contains("fashion", StringComparison.OrdinalIgnoreCase);

    private static (string Images, string Labels) RequireIdx(string folder, bool train, string split)
    {
        string prefix = train ? "train" : "t10k";
        string? images = FindIdx(folder, prefix + "-images-idx3-ubyte");
        string? labels = FindIdx(folder, prefix + "-labels-idx1-ubyte");
        if (images == null || labels == null)
        {
            throw new InvalidDataException(
                $"{folder}: neither a labelled event folder ({split}/<label>/<event files>, e.g. N-MNIST) nor IDX files ({prefix}-images-idx3-ubyte[.gz], {prefix}-labels-idx1-ubyte[.gz])");
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
