namespace Spiking.Edge.Runtime.Kernels
{
    /// <summary>How a layer's weights are stored; numbers as in the .proto (semantics.md §3).</summary>
    internal enum WeightEncoding
    {
        /// <summary>Row-major signed bytes (semantics §3.1).</summary>
        Dense = 1,

        /// <summary>Per-row varint count and column deltas (semantics §3.2).</summary>
        Csr = 2,

        /// <summary>Per-row presence bitmaps (semantics §3.3).</summary>
        Bitmap = 3,
    }
}
