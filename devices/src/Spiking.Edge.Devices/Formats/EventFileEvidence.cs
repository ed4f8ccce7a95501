namespace Spiking.Edge.Devices.Formats;

/// <summary>How <see cref="EventFiles.Detect"/> recognised a file's format.</summary>
public enum EventFileEvidence
{
    /// <summary>By the file's first bytes: an AEDAT magic line, or a Prophesee "%" header with RAW or DAT keys.</summary>
    Content,

    /// <summary>By the file name's extension, the content having no recognisable header.</summary>
    Extension,
}
