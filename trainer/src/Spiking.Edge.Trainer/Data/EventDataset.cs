using Spiking.Edge.Devices;
using Spiking.Edge.Devices.Conversion;
using Spiking.Edge.Devices.Formats.NMnist;

namespace Spiking.Edge.Trainer.Data;

/// <summary>
/// Labelled event recordings on one sensor geometry: folders of recordings in any event format (N-MNIST among them),
/// optionally preprocessed by a transform, or static IDX images converted to events by simulated saccades. Immutable;
/// <see cref="Split"/> and <see cref="Take"/> return new datasets.
/// </summary>
public sealed partial class EventDataset
{
    private static readonly string[] Digits = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];

    /// <summary>Creates a dataset; every label must index <paramref name="labels"/>.</summary>
    public EventDataset(int width, int height, int polarities, IReadOnlyList<EventSample> samples, IReadOnlyList<string> labels)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (polarities is not (1 or 2))
        {
            throw new ArgumentOutOfRangeException(nameof(polarities), polarities, "must be 1 or 2");
        }

        for (int i = 0; i < samples.Count; i++)
        {
            if (samples[i].Label < 0 || samples[i].Label >= labels.Count)
            {
                throw new ArgumentException($"sample {i}: label {samples[i].Label} is outside the {labels.Count} classes", nameof(samples));
            }
        }

        Width = width;
        Height = height;
        Polarities = polarities;
        Samples = samples;
        Labels = labels;
    }

    /// <summary>Sensor width in pixels.</summary>
    public int Width { get; }

    /// <summary>Sensor height in pixels.</summary>
    public int Height { get; }

    /// <summary>Number of polarities (2: OFF and ON).</summary>
    public int Polarities { get; }

    /// <summary>The samples, in a deterministic order.</summary>
    public IReadOnlyList<EventSample> Samples { get; }

    /// <summary>Class names; a sample's label indexes this list.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>Number of classes.</summary>
    public int ClassCount => Labels.Count;

    /// <summary>
    /// The transform specification every sample went through when it was loaded, in the normalised form of
    /// <see cref="EventTransformSpec.Normalize"/> (e.g. <c>downsample:34x34</c>); null when the events are as recorded.
    /// </summary>
    public string? Transform { get; init; }

    /// <summary>
    /// Reads an N-MNIST folder laid out as the official archives: <c>root/split/&lt;digit&gt;/*.bin</c>, labels "0".."9".
    /// Files are taken in ordinal name order per digit, at most <paramref name="maxPerClass"/> per digit.
    /// </summary>
    /// <param name="root">Folder holding Train/ and Test/.</param>
    /// <param name="split">"Train" or "Test" (matched case-insensitively against the folder name).</param>
    /// <param name="maxPerClass">Most samples read per digit.</param>
    /// <exception cref="DirectoryNotFoundException">The root or split folder does not exist.</exception>
    /// <exception cref="InvalidDataException">The split holds no .bin file in any digit folder.</exception>
    /// <exception cref="EventStreamException">A file is malformed (names the file and byte offset).</exception>
    public static EventDataset FromNMnistFolder(string root, string split, int maxPerClass = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(split);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxPerClass);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"{root}: N-MNIST folder not found (expected {Path.Combine(root, split)}/<digit>/*.bin; `spiking datasets download nmnist` fetches it)");
        }

        string? splitFolder = Directory.GetDirectories(root)
            .Where(d => string.Equals(Path.GetFileName(d), split, StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .FirstOrDefault();
        if (splitFolder == null)
        {
            throw new DirectoryNotFoundException($"{Path.Combine(root, split)}: N-MNIST split folder not found (expected <digit>/*.bin below it)");
        }

        var files = new List<(string Path, int Label)>();
        for (int digit = 0; digit < Digits.Length; digit++)
        {
            string folder = Path.Combine(splitFolder, Digits[digit]);
            if (!Directory.Exists(folder))
            {
                continue;
            }

            foreach (string file in Directory.GetFiles(folder, "*.bin").Order(StringComparer.Ordinal).Take(maxPerClass))
            {
                files.Add((file, digit));
            }
        }

        if (files.Count == 0)
        {
            throw new InvalidDataException($"{splitFolder}: the split is empty: no <digit>/*.bin file in the digit folders 0..9");
        }

        var samples = new EventSample[files.Count];
        Parallel.For(0, files.Count, i => samples[i] = new EventSample(NMnistFile.Read(files[i].Path), files[i].Label));
        return new EventDataset(NMnistFormat.SensorSize, NMnistFormat.SensorSize, NMnistFormat.Polarities, samples, Digits);
    }

    /// <summary>
    /// Reads IDX images and labels and converts each image to events by simulated saccades (in parallel; the result
    /// depends only on the inputs and <paramref name="options"/>).
    /// </summary>
    /// <param name="imagesPath">IDX images file (.gz or raw).</param>
    /// <param name="labelsPath">IDX labels file (.gz or raw).</param>
    /// <param name="options">Saccade simulation settings; the sensor size becomes the dataset geometry.</param>
    /// <param name="limit">Most images converted (the first ones).</param>
    /// <param name="labels">Class names; by default "0".."N−1" for the largest label N−1 found.</param>
    /// <exception cref="InvalidDataException">The files are malformed, their counts differ, or a label has no class name.</exception>
    public static EventDataset FromIdx(string imagesPath, string labelsPath, SaccadeOptions options, int limit = int.MaxValue, IReadOnlyList<string>? labels = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        var images = IdxReader.ReadImages(imagesPath);
        byte[] classes = IdxReader.ReadLabels(labelsPath);
        if (classes.Length != images.Count)
        {
            throw new InvalidDataException($"{labelsPath}: {classes.Length} labels for the {images.Count} images of {imagesPath}");
        }

        int count = Math.Min(limit, images.Count);
        labels ??= Enumerable.Range(0, count == 0 ? 0 : classes.Take(count).Max() + 1).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        for (int i = 0; i < count; i++)
        {
            if (classes[i] >= labels.Count)
            {
                throw new InvalidDataException($"{labelsPath}: byte offset {8 + i}: label {classes[i]} has no class name ({labels.Count} given)");
            }
        }

        var samples = new EventSample[count];
        Parallel.For(0, count, i => samples[i] = new EventSample(SaccadeConverter.Convert(images.GetImage(i), images.Cols, images.Rows, options), classes[i]));
        return new EventDataset(options.SensorWidth, options.SensorHeight, 2, samples, labels);
    }

    /// <summary>
    /// Splits off a validation set: per class, a seeded shuffle puts round(fraction × class size) samples into
    /// validation and the rest into training; both keep the original sample order.
    /// </summary>
    /// <param name="validationFraction">Fraction in [0, 1].</param>
    /// <param name="seed">Shuffle seed.</param>
    public (EventDataset Train, EventDataset Validation) Split(double validationFraction, int seed)
    {
        if (!(validationFraction >= 0 && validationFraction <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(validationFraction), validationFraction, "must be within [0, 1]");
        }

        var random = new Random(seed);
        var inValidation = new bool[Samples.Count];
        for (int label = 0; label < ClassCount; label++)
        {
            int[] members = Enumerable.Range(0, Samples.Count).Where(i => Samples[i].Label == label).ToArray();
            random.Shuffle(members);
            int take = (int)Math.Round(validationFraction * members.Length, MidpointRounding.AwayFromZero);
            for (int k = 0; k < take; k++)
            {
                inValidation[members[k]] = true;
            }
        }

        var train = new List<EventSample>();
        var validation = new List<EventSample>();
        for (int i = 0; i < Samples.Count; i++)
        {
            (inValidation[i] ? validation : train).Add(Samples[i]);
        }

        return (With(train), With(validation));
    }

    /// <summary>The first <paramref name="count"/> samples (all when fewer).</summary>
    public EventDataset Take(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return With(Samples.Take(count).ToArray());
    }

    private EventDataset With(IReadOnlyList<EventSample> samples) => new(Width, Height, Polarities, samples, Labels) { Transform = Transform };
}
