namespace Spiking.Edge.Devices.Formats.Aedat;

/// <summary>
/// How <see cref="Aedat2Decoder"/> reads addresses: the sensor's convention and size (AEDAT 2.0 records carry
/// neither), and whether jAER's orientation is undone.
/// </summary>
public sealed record Aedat2Options
{
    /// <summary>Largest DAVIS width the 10-bit x field holds.</summary>
    public const int MaxDavisWidth = 1 << 10;

    /// <summary>Largest DAVIS height the 9-bit y field holds.</summary>
    public const int MaxDavisHeight = 1 << 9;

    /// <summary>DVS128 width and height.</summary>
    public const int Dvs128Size = 128;

    /// <summary>Creates options; DAVIS sizes must fit the address fields (1..1024 × 1..512), DVS128 is 128 × 128.</summary>
    /// <param name="convention">The address layout.</param>
    /// <param name="width">Sensor width in pixels.</param>
    /// <param name="height">Sensor height in pixels.</param>
    /// <param name="rawAxes">True to deliver the address fields as they are, without mirroring (see <see cref="RawAxes"/>).</param>
    /// <exception cref="ArgumentOutOfRangeException">A size does not fit the convention.</exception>
    public Aedat2Options(Aedat2AddressConvention convention, int width, int height, bool rawAxes = false)
    {
        switch (convention)
        {
            case Aedat2AddressConvention.Davis:
                if (width < 1 || width > MaxDavisWidth)
                {
                    throw new ArgumentOutOfRangeException(nameof(width), width, $"a DAVIS width must be within 1..{MaxDavisWidth} (10-bit x field)");
                }

                if (height < 1 || height > MaxDavisHeight)
                {
                    throw new ArgumentOutOfRangeException(nameof(height), height, $"a DAVIS height must be within 1..{MaxDavisHeight} (9-bit y field)");
                }

                break;
            case Aedat2AddressConvention.Dvs128:
                if (width != Dvs128Size)
                {
                    throw new ArgumentOutOfRangeException(nameof(width), width, "a DVS128 is 128 pixels wide");
                }

                if (height != Dvs128Size)
                {
                    throw new ArgumentOutOfRangeException(nameof(height), height, "a DVS128 is 128 pixels high");
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(convention), convention, "unknown address convention");
        }

        Convention = convention;
        Width = width;
        Height = height;
        RawAxes = rawAxes;
    }

    /// <summary>DAVIS346: 346 × 260.</summary>
    public static Aedat2Options Davis346 { get; } = new(Aedat2AddressConvention.Davis, 346, 260);

    /// <summary>DAVIS240 (A/B/C): 240 × 180.</summary>
    public static Aedat2Options Davis240 { get; } = new(Aedat2AddressConvention.Davis, 240, 180);

    /// <summary>DVS128: 128 × 128.</summary>
    public static Aedat2Options Dvs128 { get; } = new(Aedat2AddressConvention.Dvs128, Dvs128Size, Dvs128Size);

    /// <summary>The address layout.</summary>
    public Aedat2AddressConvention Convention { get; }

    /// <summary>Sensor width in pixels.</summary>
    public int Width { get; }

    /// <summary>Sensor height in pixels.</summary>
    public int Height { get; }

    /// <summary>
    /// False (default): both axes are mirrored so that (0, 0) is the top-left pixel as the camera sees the scene,
    /// our <see cref="Runtime.Events.Event"/> convention. jAER mirrors x itself (x = width − 1 − raw x) and draws y
    /// with 0 at the bottom; turning its bottom-up y into our top-down y mirrors y too. True: x and y are the raw
    /// address fields (what readers that ignore jAER's orientation, such as Tonic, return).
    /// </summary>
    public bool RawAxes { get; }
}
