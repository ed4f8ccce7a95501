using System.Globalization;

namespace Spiking.Edge.Trainer.Models;

/// <summary>Range checks that throw <see cref="ConfigException"/> naming the JSON path.</summary>
internal static class ConfigCheck
{
    public static void IntRange(string path, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            throw new ConfigException(path, $"{value} is outside {min}..{max}");
        }
    }

    public static void Positive(string path, float value)
    {
        if (!float.IsFinite(value) || value <= 0f)
        {
            throw new ConfigException(path, $"{Text(value)} must be a finite number > 0");
        }
    }

    public static void Finite(string path, float value)
    {
        if (!float.IsFinite(value))
        {
            throw new ConfigException(path, $"{Text(value)} must be a finite number");
        }
    }

    public static void NonNegative(string path, float value)
    {
        if (!float.IsFinite(value) || value < 0f)
        {
            throw new ConfigException(path, $"{Text(value)} must be a finite number ≥ 0");
        }
    }

    /// <summary>Value in [min, max] (closed).</summary>
    public static void Closed(string path, float value, float min, float max)
    {
        if (!(value >= min && value <= max))
        {
            throw new ConfigException(path, $"{Text(value)} is outside [{Text(min)}, {Text(max)}]");
        }
    }

    /// <summary>A Q16 constant that must round to 1..65535 (strictly between 0 and 1 on the Q16 grid).</summary>
    public static void OpenUnitQ16(string path, float value)
    {
        if (!float.IsFinite(value) || Functional.FixedPoint.ToQ16(value) is < 1 or > 65535)
        {
            throw new ConfigException(path, $"{Text(value)} must lie in (0, 1) on the Q16 grid (1/65536 … 65535/65536)");
        }
    }

    public static void OneOf<T>(string path, T value, params T[] valid)
        where T : struct, Enum
    {
        if (Array.IndexOf(valid, value) < 0)
        {
            throw new ConfigException(path, $"'{Name(value)}' is not valid here; valid choices: {string.Join(", ", valid.Select(v => Name(v)))}");
        }
    }

    public static string Name<T>(T value)
        where T : struct, Enum
    {
        var text = value.ToString();
        return text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];
    }

    public static string Text(float value) => value.ToString("R", CultureInfo.InvariantCulture);
}
