namespace Spiking.Edge.Runtime.Format
{
    /// <summary>A validated model file: geometry, timing, layers and readout (the .proto's Model message).</summary>
    internal sealed class ModelDescriptor
    {
        /// <summary>Input width in pixels.</summary>
        public int Width;

        /// <summary>Input height in pixels.</summary>
        public int Height;

        /// <summary>1 (ON and OFF merged) or 2.</summary>
        public int Polarities;

        /// <summary>Length of one tick (semantics §2).</summary>
        public int TickMicroseconds;

        /// <summary>T, ticks per sample (semantics §2).</summary>
        public int TicksPerSample;

        /// <summary>Layers, input side first.</summary>
        public LayerDescriptor[] Layers;

        /// <summary>Readout of the last layer (semantics §5).</summary>
        public ReadoutMode Readout;
    }
}
