using Spiking.Edge.Runtime.Kernels;

namespace Spiking.Edge.Runtime.Format
{
    /// <summary>
    /// One validated Weights message (semantics.md §3): its shape, encoding, and where its values and index lie in
    /// the original model bytes (read in place, never copied, semantics §7). A layer has one for its feed-forward
    /// weights and, in format 1.1, possibly one for its recurrent weights.
    /// </summary>
    internal sealed class WeightMatrix
    {
        /// <summary>Creates the descriptor of a <paramref name="rows"/> × <paramref name="columns"/> matrix.</summary>
        public WeightMatrix(int rows, int columns)
        {
            Rows = rows;
            Columns = columns;
        }

        /// <summary>Rows: presynaptic indices (the layer's inputs, or its own outputs for recurrent weights).</summary>
        public int Rows { get; }

        /// <summary>Columns: the layer's neurons.</summary>
        public int Columns { get; }

        /// <summary>Weight encoding.</summary>
        public WeightEncoding Encoding;

        /// <summary>Bits per stored weight (2..8).</summary>
        public int Bits;

        /// <summary>Offset of the first weight value byte in the model bytes.</summary>
        public int ValuesOffset;

        /// <summary>Number of weight value bytes.</summary>
        public int ValuesLength;

        /// <summary>Offset of the first index byte in the model bytes.</summary>
        public int IndexOffset;

        /// <summary>Number of index bytes (0 for DENSE).</summary>
        public int IndexLength;
    }
}
