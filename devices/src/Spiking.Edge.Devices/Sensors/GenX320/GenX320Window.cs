namespace Spiking.Edge.Devices.Sensors.GenX320;

/// <summary>A rectangle of the 320 × 320 pixel array: events outside it are not produced.</summary>
/// <param name="X">First column (0..319).</param>
/// <param name="Y">First row (0..319).</param>
/// <param name="Width">Columns (1..320 − X).</param>
/// <param name="Height">Rows (1..320 − Y).</param>
public readonly record struct GenX320Window(int X, int Y, int Width, int Height)
{
    /// <summary>The whole array.</summary>
    public static GenX320Window Full => new(0, 0, GenX320Fields.SensorWidth, GenX320Fields.SensorHeight);

    /// <summary>Throws a one-line error naming the first field out of range.</summary>
    /// <param name="name">How the caller names the window (e.g. "window").</param>
    /// <exception cref="ArgumentOutOfRangeException">A field lies outside the array.</exception>
    public void Validate(string name)
    {
        Check(X, 0, GenX320Fields.SensorWidth - 1, name + ".X");
        Check(Y, 0, GenX320Fields.SensorHeight - 1, name + ".Y");
        Check(Width, 1, GenX320Fields.SensorWidth - X, name + ".Width");
        Check(Height, 1, GenX320Fields.SensorHeight - Y, name + ".Height");
    }

    private static void Check(int value, int min, int max, string field)
    {
        if (value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(field, $"{field} is {value}; must be within {min}..{max}");
        }
    }
}
