using Spiking.Edge.Devices.Conversion;
using Spiking.Edge.Trainer.Data;
using Spiking.Edge.Trainer.Encoders;
using Spiking.Edge.Trainer.Training;

namespace Spiking.Edge.Trainer.Pipeline;

/// <summary>
/// A labelled data set as the pipeline uses it, whichever form it has on disk: recorded events (N-MNIST) held as
/// events (optionally transformed when loaded, and augmented in training batches), or images held as pixels and
/// encoded to events on demand (saccades or rate coding). Training reads it through <see cref="Batches"/>; the export
/// check and the edge runtime read the fixed events of <see cref="ToEvents"/>.
/// </summary>
public sealed class SampleSet
{
    private readonly EventDataset? events;
    private readonly ImageDataset? images;
    private readonly IImageEncoder? encoder;
    private readonly EventAugmentation? augmentation;
    private readonly int augmentationSeed;

    private SampleSet(EventDataset? events, ImageDataset? images, IImageEncoder? encoder, EventAugmentation? augmentation = null, int augmentationSeed = 0)
    {
        this.events = events;
        this.images = images;
        this.encoder = encoder;
        this.augmentation = augmentation;
        this.augmentationSeed = augmentationSeed;
    }

    /// <summary>Samples in the set.</summary>
    public int Count => events?.Samples.Count ?? images!.Count;

    /// <summary>Input width in pixels.</summary>
    public int Width => events?.Width ?? encoder!.Width;

    /// <summary>Input height in pixels.</summary>
    public int Height => events?.Height ?? encoder!.Height;

    /// <summary>1 or 2.</summary>
    public int Polarities => events?.Polarities ?? encoder!.Polarities;

    /// <summary>Inputs per tick.</summary>
    public int InputSize => Width * Height * Polarities;

    /// <summary>Class names.</summary>
    public IReadOnlyList<string> Labels => events?.Labels ?? images!.LabelNames;

    /// <summary>Number of classes.</summary>
    public int ClassCount => Labels.Count;

    /// <summary>The transform the recorded events went through when loaded (normalised spec), or null.</summary>
    public string? Transform => events?.Transform;

    /// <summary>The augmentation of training batches (<see cref="Batches"/> with redraw), or null.</summary>
    public EventAugmentation? Augmentation => augmentation;

    /// <summary>How the samples became events, for logs and provenance.</summary>
    public string Describe()
    {
        if (encoder is not null)
        {
            return encoder.Describe();
        }

        string text = "recorded events";
        if (events!.Transform is string transform)
        {
            text += $", transform {transform}";
        }

        return augmentation is null ? text : text + $", training augmentation {augmentation.Describe()}";
    }

    /// <summary>A set over recorded events.</summary>
    public static SampleSet FromEvents(EventDataset events) => FromEvents(events, null, 0);

    /// <summary>A set over recorded events whose training batches are augmented by <paramref name="augmentation"/>.</summary>
    /// <param name="events">The samples.</param>
    /// <param name="augmentation">Random changes per training pass (null: none).</param>
    /// <param name="seed">Seed of the augmentation draws.</param>
    public static SampleSet FromEvents(EventDataset events, EventAugmentation? augmentation, int seed)
    {
        ArgumentNullException.ThrowIfNull(events);
        return new SampleSet(events, null, null, augmentation, seed);
    }

    /// <summary>A set over images encoded by <paramref name="encoder"/>.</summary>
    public static SampleSet FromImages(ImageDataset images, IImageEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(encoder);
        return new SampleSet(null, images, encoder);
    }

    /// <summary>The image encoder for <paramref name="encoding"/> with the run's <paramref name="timing"/> and <paramref name="seed"/>.</summary>
    public static IImageEncoder EncoderFor(InputEncoding encoding, InputTiming timing, int cols, int rows, int seed)
    {
        ArgumentNullException.ThrowIfNull(encoding);
        ArgumentNullException.ThrowIfNull(timing);
        encoding.Validate();
        return encoding.Kind == InputEncoding.Rate
            ? new RateEncoder(cols, rows, timing.TicksPerSample, timing.TickMicroseconds, encoding.RateGain, unchecked((ulong)seed))
            : new SaccadeEncoder(new SaccadeOptions { Seed = seed });
    }

    /// <summary>Per-class split off a validation set (seeded), as <see cref="EventDataset.Split"/>.</summary>
    public (SampleSet Train, SampleSet Validation) Split(double validationFraction, int seed)
    {
        if (events is not null)
        {
            var (train, validation) = events.Split(validationFraction, seed);
            return (FromEvents(train, augmentation, augmentationSeed), FromEvents(validation, augmentation, augmentationSeed));
        }

        var (trainImages, validationImages) = images!.Split(validationFraction, seed);
        return (FromImages(trainImages, encoder!), FromImages(validationImages, encoder!));
    }

    /// <summary>
    /// Batches for training (<paramref name="redraw"/>: stochastic encodings re-drawn and recorded events augmented on
    /// every pass) or evaluation (never augmented).
    /// </summary>
    public IBatchSource Batches(InputTiming timing, bool redraw)
    {
        ArgumentNullException.ThrowIfNull(timing);
        return events is not null
            ? new EventBatchSource(events, timing, redraw ? augmentation : null, augmentationSeed)
            : new ImageBatchSource(images!, encoder!, timing, redraw);
    }

    /// <summary>The fixed events of every sample (draw 0): what the integer simulation and the edge runtime are run on.</summary>
    public EventDataset ToEvents() => events ?? images!.ToEventDataset(encoder!);
}
