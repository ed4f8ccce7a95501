namespace Spiking.Edge.Runtime.Neurons
{
    /// <summary>Which leak a layer applies when a tick begins (semantics.md §4.1 step 5, §4.3 step 1).</summary>
    internal enum LeakKind
    {
        /// <summary>The membrane is unchanged.</summary>
        None = 0,

        /// <summary><c>v ← v − (v &gt;&gt; leak_shift)</c>.</summary>
        Shift = 1,

        /// <summary><c>v ← (v × factor) &gt;&gt; 16</c> with a 64-bit product (decay, or an SRC's input_decay).</summary>
        Multiply = 2,
    }
}
