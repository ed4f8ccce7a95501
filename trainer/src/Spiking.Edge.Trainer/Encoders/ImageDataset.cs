using Spiking.Edge.Trainer.Data;

namespace Spiking.Edge.Trainer.Encoders;

/// <summary>
/// Labelled static images kept as pixels (a full 60,000-image set takes 47 MB), encoded to events only when a batch
/// needs them (<see cref="ImageBatchSource"/>) or when a fixed event set is asked for (<see cref="ToEventDataset"/>).
/// </summary>
public sealed class ImageDataset
{
    private readonly int[] indices;

    private ImageDataset(IdxImages images, byte[] labels, IReadOnlyList<string> labelNames, int[] indices)
    {
        Images = images;
        Labels = labels;
        LabelNames = labelNames;
        this.indices = indices;
    }

    /// <summary>All images of the underlying file (samples refer to them by index).</summary>
    public IdxImages Images { get; }

    /// <summary>All labels of the underlying file.</summary>
    public byte[] Labels { get; }

    /// <summary>Class names in label order.</summary>
    public IReadOnlyList<string> LabelNames { get; }

    /// <summary>Number of samples in this (possibly split) set.</summary>
    public int Count => indices.Length;

    /// <summary>Index in the underlying file of sample <paramref name="sample"/>.</summary>
    public int FileIndex(int sample) => indices[sample];

    /// <summary>Label of sample <paramref name="sample"/>.</summary>
    public int LabelOf(int sample) => Labels[indices[sample]];

    /// <summary>Reads an IDX image file and its label file, keeping the first <paramref name="limit"/> images.</summary>
    /// <exception cref="InvalidDataException">The files are malformed, their counts differ, or a label has no class name.</exception>
    public static ImageDataset FromIdx(string imagesPath, string labelsPath, IReadOnlyList<string>? labelNames = null, int limit = int.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        IdxImages images = IdxReader.ReadImages(imagesPath);
        byte[] labels = IdxReader.ReadLabels(labelsPath);
        if (labels.Length != images.Count)
        {
            throw new InvalidDataException($"{labelsPath}: {labels.Length} labels for the {images.Count} images of {imagesPath}");
        }

        int count = Math.Min(limit, images.Count);
        int classes = count == 0 ? 0 : labels.Take(count).Max() + 1;
        labelNames ??= Enumerable.Range(0, classes).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        for (int i = 0; i < count; i++)
        {
            if (labels[i] >= labelNames.Count)
            {
                throw new InvalidDataException($"{labelsPath}: byte offset {8 + i}: label {labels[i]} has no class name ({labelNames.Count} given)");
            }
        }

        return new ImageDataset(images, labels, labelNames, Enumerable.Range(0, count).ToArray());
    }

    /// <summary>
    /// Splits off a validation set as <see cref="EventDataset.Split"/> does: per class, a seeded shuffle puts
    /// round(fraction × class size) samples into validation; both keep the original order.
    /// </summary>
    public (ImageDataset Train, ImageDataset Validation) Split(double validationFraction, int seed)
    {
        if (!(validationFraction >= 0 && validationFraction <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(validationFraction), validationFraction, "must be within [0, 1]");
        }

        var random = new Random(seed);
        var inValidation = new bool[indices.Length];
        for (int label = 0; label < LabelNames.Count; label++)
        {
            int[] members = Enumerable.Range(0, indices.Length).Where(i => LabelOf(i) == label).ToArray();
            random.Shuffle(members);
            int take = (int)Math.Round(validationFraction * members.Length, MidpointRounding.AwayFromZero);
            for (int k = 0; k < take; k++)
            {
                inValidation[members[k]] = true;
            }
        }

        int[] train = Enumerable.Range(0, indices.Length).Where(i => !inValidation[i]).Select(i => indices[i]).ToArray();
        int[] validation = Enumerable.Range(0, indices.Length).Where(i => inValidation[i]).Select(i => indices[i]).ToArray();
        return (new ImageDataset(Images, Labels, LabelNames, train), new ImageDataset(Images, Labels, LabelNames, validation));
    }

    /// <summary>The first <paramref name="count"/> samples (all when fewer).</summary>
    public ImageDataset Take(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return new ImageDataset(Images, Labels, LabelNames, indices.Take(count).ToArray());
    }

    /// <summary>Pixels of sample <paramref name="sample"/>.</summary>
    public byte[] PixelsOf(int sample) => Images.GetImage(indices[sample]);

    /// <summary>
    /// Encodes every sample once (draw 0, seeded by its file index) into an <see cref="EventDataset"/>: the fixed
    /// event set that evaluation, the integer simulation and the edge runtime share.
    /// </summary>
    public EventDataset ToEventDataset(IImageEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        var samples = new EventSample[indices.Length];
        Parallel.For(0, indices.Length, s =>
            samples[s] = new EventSample(encoder.Encode(PixelsOf(s), Images.Cols, Images.Rows, indices[s], 0), LabelOf(s)));
        return new EventDataset(encoder.Width, encoder.Height, encoder.Polarities, samples, LabelNames);
    }
}
