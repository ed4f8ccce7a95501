using Spiking.Edge.Devices.Formats.Aedat;
using Spiking.Edge.Devices.Formats.NMnist;
using Spiking.Edge.Devices.Formats.Prophesee;

namespace Spiking.Edge.Devices.Formats;

/// <summary>The counters of every decoder <see cref="EventFiles"/> opens, read into one list.</summary>
internal static class DecoderCounters
{
    public static IReadOnlyList<EventFileCounter> Of(IEventDecoder decoder) => decoder switch
    {
        NMnistDecoder n =>
        [
            new("overflow_markers", n.OverflowMarkerCount),
        ],
        IPropheseeDecoder p =>
        [
            new("dropped_before_time_base", p.Counters.DroppedBeforeTimeBase),
            new("dropped_out_of_geometry", p.Counters.DroppedOutOfGeometry),
            new("dropped_without_address", p.Counters.DroppedWithoutAddress),
            new("external_trigger_words", p.Counters.ExternalTriggerWords),
            new("others_words", p.Counters.OthersWords),
            new("continued_words", p.Counters.ContinuedWords),
            new("imu_events", p.Counters.ImuEvents),
            new("time_loops", p.Counters.TimeLoops),
        ],
        Aedat2Decoder a =>
        [
            new("aps_imu_samples", a.ApsImuSampleCount),
            new("special_events", a.SpecialEventCount),
            new("backward_timestamps", a.BackwardTimestampCount),
            new("time_wraps", a.WrapCount),
        ],
        Aedat31Decoder a =>
        [
            new("skipped_packets", a.SkippedPacketCount),
            new("invalid_events", a.InvalidEventCount),
            new("backward_timestamps", a.BackwardTimestampCount),
        ],
        Aedat4Decoder a =>
        [
            new("skipped_packets", a.SkippedPacketCount),
            new("backward_timestamps", a.BackwardTimestampCount),
        ],
        _ => [],
    };
}
