namespace Spiking.Edge.Trainer.Training;

/// <summary>
/// A labelled data set that fills caller-owned batch buffers. Frames are event counts laid out [T][B][InputSize]
/// (tick-major, then sample in the order of the indices, then input); T is
/// <c>framesTBI.Length / (sampleIndices.Length × InputSize)</c>.
/// </summary>
public interface IBatchSource
{
    /// <summary>Number of samples.</summary>
    int Count { get; }

    /// <summary>Inputs per tick (e.g. 2312 = 34 × 34 × 2).</summary>
    int InputSize { get; }

    /// <summary>Writes the frames and labels of the given samples into the buffers (every element is overwritten).</summary>
    /// <param name="sampleIndices">Indices in 0..Count−1, one per batch row.</param>
    /// <param name="framesTBI">T × B × InputSize values.</param>
    /// <param name="labels">B class indices.</param>
    void FillBatch(int[] sampleIndices, float[] framesTBI, long[] labels);
}
