namespace Spiking.Edge.Runtime.Format
{
    /// <summary>How the class is read from the last layer; numbers as in the .proto (semantics.md §5).</summary>
    internal enum ReadoutMode
    {
        /// <summary>Argmax of the output spike counts.</summary>
        SpikeCount = 1,

        /// <summary>Argmax of the output membrane sums.</summary>
        MembraneSum = 2,
    }
}
