namespace Spiking.Edge.Runtime.Events
{
    /// <summary>
    /// The one event type of the whole system (architecture.md, Contract 4): a pixel address, a polarity and a
    /// 64-bit timestamp in microseconds. A mutable struct so that decoders fill caller-owned arrays in place.
    /// </summary>
    public struct Event
    {
        /// <summary>Column, 0 at the left.</summary>
        public ushort X;

        /// <summary>Row, 0 at the top.</summary>
        public ushort Y;

        /// <summary>0 = OFF (intensity fell), 1 = ON (intensity rose).</summary>
        public byte Polarity;

        /// <summary>Time of the event in microseconds.</summary>
        public long TimestampMicroseconds;

        /// <summary>Creates an event.</summary>
        public Event(ushort x, ushort y, byte polarity, long timestampMicroseconds)
        {
            X = x;
            Y = y;
            Polarity = polarity;
            TimestampMicroseconds = timestampMicroseconds;
        }
    }
}
