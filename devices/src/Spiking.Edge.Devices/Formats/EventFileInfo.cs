using Spiking.Edge.Devices.Formats.Aedat;

namespace Spiking.Edge.Devices.Formats;

/// <summary>What <see cref="EventFiles.Detect"/> found out about a file before decoding it.</summary>
/// <param name="Path">The file.</param>
/// <param name="Format">The container format.</param>
/// <param name="DetectedBy">Whether the content or the extension decided.</param>
/// <param name="Aedat2">For AEDAT 2.0: the address convention and sensor size (given by the caller, or inferred
/// from the header's <c># AEChip:</c> line); null when neither said (the file then cannot be decoded).</param>
public sealed record EventFileInfo(string Path, EventFileFormat Format, EventFileEvidence DetectedBy, Aedat2Options? Aedat2);
