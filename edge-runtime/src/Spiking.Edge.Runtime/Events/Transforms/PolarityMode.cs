namespace Spiking.Edge.Runtime.Events.Transforms
{
    /// <summary>What <see cref="PolarityMerge"/> does with the two polarities.</summary>
    public enum PolarityMode
    {
        /// <summary>Every event is kept with polarity 0 (one merged channel).</summary>
        Merge = 0,

        /// <summary>Only ON events (polarity 1) are kept, unchanged.</summary>
        OnOnly = 1,

        /// <summary>Only OFF events (polarity 0) are kept, unchanged.</summary>
        OffOnly = 2,
    }
}
