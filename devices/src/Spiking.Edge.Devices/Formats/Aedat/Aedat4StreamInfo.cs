namespace Spiking.Edge.Devices.Formats.Aedat;

/// <summary>One stream declared in an AEDAT 4.0 file description (a child of the <c>outInfo</c> node).</summary>
/// <param name="Id">The stream id packets carry.</param>
/// <param name="TypeIdentifier">The packet type: EVTS (events), FRME (frames), IMUS (IMU samples), TRIG (triggers), or another DV type.</param>
/// <param name="Width">The <c>sizeX</c> of the stream's <c>info</c> node, or 0 when absent.</param>
/// <param name="Height">The <c>sizeY</c> of the stream's <c>info</c> node, or 0 when absent.</param>
public sealed record Aedat4StreamInfo(int Id, string TypeIdentifier, int Width, int Height);
