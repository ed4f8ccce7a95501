namespace Spiking.Edge.Runtime.Neurons
{
    /// <summary>The validated parameters of an SRC layer (semantics.md §4.3; the .proto's SrcParameters).</summary>
    internal sealed class SrcParameters
    {
        /// <summary>F: the fast and slow states and the fast pre-activation are Q(F), 8..14.</summary>
        public int FractionBits;

        /// <summary>α in Q16 (0..65536): <c>i ← ((i × α) &gt;&gt; 16) + d</c>.</summary>
        public int InputDecay;

        /// <summary><c>x = input_table(i)</c>.</summary>
        public LookupTable InputTable;

        /// <summary><c>h = fast_table(a)</c>; values in [−2^F, 2^F].</summary>
        public LookupTable FastTable;

        /// <summary>r in Q(F), state range.</summary>
        public int FastFeedback;

        /// <summary>r_s in Q(F), state range.</summary>
        public int SlowFeedback;

        /// <summary>θ_z in Q(F): the slow gate is active when h &gt; gate_threshold.</summary>
        public int GateThreshold;

        /// <summary>z when h ≤ gate_threshold, Q16 (0..65536).</summary>
        public int SlowGateRest;

        /// <summary>z when h &gt; gate_threshold, Q16 (0..65536).</summary>
        public int SlowGateActive;

        /// <summary>h at the start of a sample, Q(F), in [−2^F, 2^F].</summary>
        public int RestFast;

        /// <summary>h_s at the start of a sample, Q(F), in [−2^F, 2^F].</summary>
        public int RestSlow;
    }
}
