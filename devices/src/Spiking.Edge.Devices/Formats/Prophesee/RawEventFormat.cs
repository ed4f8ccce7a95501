namespace Spiking.Edge.Devices.Formats.Prophesee;

/// <summary>The event encodings a Prophesee RAW file body may use (its header's <c>format</c> or legacy <c>evt</c>).</summary>
public enum RawEventFormat
{
    /// <summary>EVT 2.0: 32-bit words (<c>% format EVT2</c>, <c>% evt 2.0</c>).</summary>
    Evt2,

    /// <summary>EVT 2.1: 64-bit vector words, little or legacy byte order (<c>% format EVT21</c>, <c>% evt 2.1</c>).</summary>
    Evt21,

    /// <summary>EVT 3.0: 16-bit stateful words (<c>% format EVT3</c>, <c>% evt 3.0</c>).</summary>
    Evt3,
}
