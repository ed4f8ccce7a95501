namespace Spiking.Edge.Devices.Formats.Aedat;

/// <summary>
/// Sensor geometry from the chip names iniVation software writes in AEDAT 3.1 <c>#Source</c> header lines
/// (libcaer's chip names: DVS128, DAVIS240A/B/C, DAVIS128, DAVIS208, DAVIS346A/B/Cbsi, DAVIS640, DVXplorer…).
/// </summary>
internal static class AedatSensorSizes
{
    // Longest prefix first where one name starts another (DVXplorer_Lite before DVXplorer).
    private static readonly (string Prefix, int Width, int Height)[] Sizes =
    [
        ("DVS128", 128, 128),
        ("DAVIS128", 128, 128),
        ("DAVIS208", 208, 192),
        ("DAVIS240", 240, 180),
        ("DAVIS346", 346, 260),
        ("DAVIS640", 640, 480),
        ("DAVISHet640", 640, 480),
        ("DVXplorer_Lite", 320, 240),
        ("DVXplorerLite", 320, 240),
        ("DVXplorer", 640, 480),
    ];

    /// <summary>The geometry of a chip name (case-insensitive prefix match, e.g. "DAVIS346B"); false when unknown.</summary>
    public static bool TryFind(string chipName, out int width, out int height)
    {
        foreach (var (prefix, w, h) in Sizes)
        {
            if (chipName.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                width = w;
                height = h;
                return true;
            }
        }

        width = 0;
        height = 0;
        return false;
    }
}
