namespace Spiking.Edge.Trainer.Encoders;

/// <summary>
/// One sample's binned frames [T][inputs] kept sparse: the flat positions <c>t × inputs + i</c> of the non-zero event
/// counts and the counts (at most 65,535 per tick, semantics §2). About 6 bytes per non-zero entry instead of 4 per
/// input and tick, so a whole data set of deterministic encodings fits in memory once encoded.
/// </summary>
internal sealed class SparseFrames
{
    private readonly int[] positions;
    private readonly ushort[] counts;

    private SparseFrames(int[] positions, ushort[] counts)
    {
        this.positions = positions;
        this.counts = counts;
    }

    /// <summary>The non-zero entries of the first <paramref name="length"/> values of <paramref name="dense"/>.</summary>
    public static SparseFrames From(float[] dense, int length)
    {
        int nonZero = 0;
        for (int j = 0; j < length; j++)
        {
            if (dense[j] != 0)
            {
                nonZero++;
            }
        }

        var positions = new int[nonZero];
        var counts = new ushort[nonZero];
        int k = 0;
        for (int j = 0; j < length; j++)
        {
            if (dense[j] != 0)
            {
                positions[k] = j;
                counts[k] = (ushort)dense[j];
                k++;
            }
        }

        return new SparseFrames(positions, counts);
    }

    /// <summary>Writes the frames into slot <paramref name="slot"/> of a [T, B, inputs] batch (zeroing the slot's rows first).</summary>
    public void CopyInto(float[] framesTBI, int ticks, int inputs, int slot, int batch)
    {
        for (int t = 0; t < ticks; t++)
        {
            Array.Clear(framesTBI, (((t * batch) + slot) * inputs), inputs);
        }

        for (int k = 0; k < positions.Length; k++)
        {
            int t = positions[k] / inputs;
            int i = positions[k] - (t * inputs);
            framesTBI[(((t * batch) + slot) * inputs) + i] = counts[k];
        }
    }
}
