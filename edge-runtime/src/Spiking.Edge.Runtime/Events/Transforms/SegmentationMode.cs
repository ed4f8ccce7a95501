namespace Spiking.Edge.Runtime.Events.Transforms
{
    /// <summary>How a <see cref="StreamSegmenter"/> cuts a stream into classification windows.</summary>
    public enum SegmentationMode
    {
        /// <summary>Windows of a fixed duration starting every hop microseconds.</summary>
        FixedDuration = 0,

        /// <summary>Windows of a fixed number of events starting every hop events.</summary>
        FixedCount = 1,

        /// <summary>A window of a fixed duration starts when the event rate over a short interval reaches a threshold.</summary>
        ActivityTriggered = 2,
    }
}
