namespace Spiking.Edge.Devices.Sources.Serial;

/// <summary>What a <see cref="SerialFrameDecoder"/> met on the link (README.md, "Errors and resynchronisation").</summary>
/// <param name="FramesAccepted">Frames whose length and CRC-32 checked out; their events were delivered.</param>
/// <param name="DroppedFrames">Frames missing from the sequence numbers of accepted frames (corrupted or lost).</param>
/// <param name="CrcFailures">Candidate frames (a sync word and a legal length) whose CRC-32 did not match.</param>
/// <param name="BadLengths">Candidate frames whose length field was not a whole number of words within the limit.</param>
/// <param name="BytesSkipped">Bytes outside accepted frames: noise, broken frames, bytes before the first sync.</param>
public readonly record struct SerialFrameCounters(
    long FramesAccepted,
    long DroppedFrames,
    long CrcFailures,
    long BadLengths,
    long BytesSkipped);
