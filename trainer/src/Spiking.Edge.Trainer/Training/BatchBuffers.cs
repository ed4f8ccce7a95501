using static TorchSharp.torch;

namespace Spiking.Edge.Trainer.Training;

/// <summary>Reusable host buffers for one batch size; turns a batch of sample indices into frame and label tensors.</summary>
internal sealed class BatchBuffers
{
    private readonly IBatchSource source;
    private readonly int ticks;
    private float[] frames = [];
    private long[] labels = [];
    private int[] indices = [];

    public BatchBuffers(IBatchSource source, int ticks)
    {
        this.source = source;
        this.ticks = ticks;
    }

    /// <summary>Fills the batch order[start .. start+count) and returns frames [T, B, I] and labels [B] (owned by the caller's dispose scope).</summary>
    public (Tensor Frames, Tensor Labels) Load(int[] order, int start, int count)
    {
        if (indices.Length != count)
        {
            indices = new int[count];
            labels = new long[count];
            frames = new float[checked(ticks * count * source.InputSize)];
        }

        Array.Copy(order, start, indices, 0, count);
        source.FillBatch(indices, frames, labels);
        return (tensor(frames, [ticks, count, source.InputSize]), tensor(labels, [count]));
    }

    /// <summary>The labels of the last loaded batch.</summary>
    public long[] LastLabels => labels;
}
