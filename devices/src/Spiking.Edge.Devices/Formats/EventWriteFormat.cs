namespace Spiking.Edge.Devices.Formats;

/// <summary>The encodings <see cref="EventFiles.Write"/> writes.</summary>
public enum EventWriteFormat
{
    /// <summary>N-MNIST <c>.bin</c> (34 × 34 at most, timestamps within the 23-bit field).</summary>
    NMnist,

    /// <summary>Prophesee RAW with an EVT 2.1 body, little-endian words (<c>endianness=little</c>).</summary>
    Evt21,

    /// <summary>Prophesee RAW with an EVT 2.1 body in the legacy byte order (<c>endianness=legacy</c>, IMX636 era).</summary>
    Evt21Legacy,

    /// <summary>Prophesee RAW with an EVT 3.0 body.</summary>
    Evt3,

    /// <summary>iniVation AEDAT 4.0 with one event stream.</summary>
    Aedat4,
}
