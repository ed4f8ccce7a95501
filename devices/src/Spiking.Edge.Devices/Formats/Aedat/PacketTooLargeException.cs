namespace Spiking.Edge.Devices.Formats.Aedat;

/// <summary>A packet body decompresses to more than the reader's limit (a decompression bomb or a corrupt body).</summary>
internal sealed class PacketTooLargeException : Exception
{
    /// <summary>Creates the exception for the given limit in bytes.</summary>
    public PacketTooLargeException(int limit)
        : base($"the decompressed packet exceeds the {limit}-byte limit")
    {
    }
}
