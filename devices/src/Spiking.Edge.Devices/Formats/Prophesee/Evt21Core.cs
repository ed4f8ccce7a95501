using Spiking.Edge.Runtime.Events.Evt21;

namespace Spiking.Edge.Devices.Formats.Prophesee;

/// <summary>
/// How the devices-side EVT 2.1 decoders (<see cref="Evt21Decoder"/>, the serial link's frame decoder) set up and
/// report the portable core <see cref="Evt21StreamDecoder"/>.
/// </summary>
internal static class Evt21Core
{
    /// <summary>A core for a sensor of <paramref name="width"/> × <paramref name="height"/>; 0 = unknown: only the 11-bit range applies.</summary>
    /// <param name="byteOrder">How the 64-bit words are laid out.</param>
    /// <param name="width">Sensor width, already checked (0..2048).</param>
    /// <param name="height">Sensor height, already checked (0..2048).</param>
    /// <returns>The core.</returns>
    public static Evt21StreamDecoder Create(Evt21ByteOrder byteOrder, int width, int height) => new(
        byteOrder,
        width == 0 ? Evt21Format.MaxSensorSize : width,
        height == 0 ? Evt21Format.MaxSensorSize : height);

    /// <summary>What the core counted and skipped, as <see cref="PropheseeCounters"/>.</summary>
    /// <param name="core">The core.</param>
    /// <returns>Its counters (EVT 2.1 has no address-less events and no IMU events: those stay 0).</returns>
    public static PropheseeCounters Counters(Evt21StreamDecoder core) => new(
        DroppedBeforeTimeBase: core.DroppedBeforeTimeBase,
        DroppedOutOfGeometry: core.DroppedOutOfGeometry,
        DroppedWithoutAddress: 0,
        ExternalTriggerWords: core.ExternalTriggerWords,
        OthersWords: core.OthersWords,
        ContinuedWords: core.ContinuedWords,
        ImuEvents: 0,
        TimeLoops: core.TimeLoops);
}
