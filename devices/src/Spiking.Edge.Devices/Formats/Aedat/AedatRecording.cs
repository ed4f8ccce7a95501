using Spiking.Edge.Runtime.Events;

namespace Spiking.Edge.Devices.Formats.Aedat;

/// <summary>The events of a whole AEDAT file and the sensor size its header (or the caller, for AEDAT 2.0) gave.</summary>
/// <param name="Events">Every event delivered, in stream order.</param>
/// <param name="Width">Sensor width in pixels, or 0 when the file does not say.</param>
/// <param name="Height">Sensor height in pixels, or 0 when the file does not say.</param>
/// <param name="Version">"2.0", "3.1" or "4.0".</param>
public sealed record AedatRecording(Event[] Events, int Width, int Height, string Version);
