using Spiking.Edge.Devices.Transforms;
using Spiking.Edge.Runtime.Events;

namespace Spiking.Edge.Trainer.Pipeline;

/// <summary>Bins one sample's events (semantics.md §2, via <see cref="TimeBinner"/>) into its slot of a [T, B, inputs] batch.</summary>
internal static class SampleBinning
{
    /// <summary>
    /// Bins <paramref name="events"/> into <paramref name="scratch"/> ([T][inputs]) and copies every tick into row
    /// (t, <paramref name="slot"/>) of <paramref name="framesTBI"/>, a batch of <paramref name="batch"/> samples.
    /// </summary>
    public static void Bin(Event[] events, int width, int height, int polarities, InputTiming timing, float[] scratch, float[] framesTBI, int slot, int batch)
    {
        int inputs = width * height * polarities;
        TimeBinner.Bin(events, 0, events.Length, width, height, polarities, timing.TickMicroseconds, timing.TicksPerSample, timing.WindowStartMicroseconds, scratch, 0);
        for (int t = 0; t < timing.TicksPerSample; t++)
        {
            Array.Copy(scratch, t * inputs, framesTBI, (((long)t * batch) + slot) * inputs, inputs);
        }
    }
}
