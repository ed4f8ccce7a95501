using Spiking.Edge.Trainer.Pipeline;
using Spiking.Edge.Trainer.Training;

namespace Spiking.Edge.Trainer.Encoders;

/// <summary>
/// Feeds training from images encoded to events on the fly and binned with <see cref="Devices.Transforms.TimeBinner"/> (semantics.md
/// §2), so a full data set never sits in memory as events. With <c>redraw</c>, every pass over a sample encodes it
/// with the next draw (a fresh Poisson sample per epoch for <see cref="RateEncoder"/>); without, always draw 0,
/// exactly the events of <see cref="ImageDataset.ToEventDataset"/>. Encodings that do not change between passes (every
/// saccade encoding, and any encoding without redraw) are binned once and kept as sparse frames (about 6 bytes per
/// non-zero tick and input), so later epochs cost only the training step.
/// </summary>
public sealed class ImageBatchSource : IBatchSource
{
    private readonly ImageDataset dataset;
    private readonly IImageEncoder encoder;
    private readonly InputTiming timing;
    private readonly int[]? draws;
    private readonly SparseFrames?[]? cache;

    /// <summary>Creates a source.</summary>
    /// <param name="dataset">The images.</param>
    /// <param name="encoder">Image → events.</param>
    /// <param name="timing">Tick layout used for binning.</param>
    /// <param name="redraw">Re-draw stochastic encodings on every pass over a sample.</param>
    public ImageBatchSource(ImageDataset dataset, IImageEncoder encoder, InputTiming timing, bool redraw)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentNullException.ThrowIfNull(timing);
        timing.Validate();
        this.dataset = dataset;
        this.encoder = encoder;
        this.timing = timing;
        bool changes = redraw && encoder.DependsOnDraw;
        draws = changes ? new int[dataset.Count] : null;
        cache = !changes && (long)timing.TicksPerSample * InputSize <= int.MaxValue ? new SparseFrames?[dataset.Count] : null;
    }

    /// <inheritdoc />
    public int Count => dataset.Count;

    /// <inheritdoc />
    public int InputSize => encoder.Width * encoder.Height * encoder.Polarities;

    /// <inheritdoc />
    public void FillBatch(int[] sampleIndices, float[] framesTBI, long[] labels)
    {
        ArgumentNullException.ThrowIfNull(sampleIndices);
        ArgumentNullException.ThrowIfNull(framesTBI);
        ArgumentNullException.ThrowIfNull(labels);
        int batch = sampleIndices.Length;
        int ticks = timing.TicksPerSample;
        int inputs = InputSize;
        if (framesTBI.Length < (long)ticks * batch * inputs || labels.Length < batch)
        {
            throw new ArgumentException($"batch buffers too small for {batch} samples of {ticks}×{inputs}");
        }

        var drawOf = new int[batch];
        for (int b = 0; b < batch; b++)
        {
            int s = sampleIndices[b];
            drawOf[b] = draws is null ? 0 : draws[s]++;
            labels[b] = dataset.LabelOf(s);
        }

        Parallel.For(0, batch, () => new float[ticks * inputs], (b, _, frames) =>
        {
            int s = sampleIndices[b];
            if (cache?[s] is SparseFrames cached)
            {
                cached.CopyInto(framesTBI, ticks, inputs, b, batch);
                return frames;
            }

            var events = encoder.Encode(dataset.PixelsOf(s), dataset.Images.Cols, dataset.Images.Rows, dataset.FileIndex(s), drawOf[b]);
            SampleBinning.Bin(events, encoder.Width, encoder.Height, encoder.Polarities, timing, frames, framesTBI, b, batch);
            if (cache is not null)
            {
                cache[s] = SparseFrames.From(frames, ticks * inputs);
            }

            return frames;
        }, _ => { });
    }
}
