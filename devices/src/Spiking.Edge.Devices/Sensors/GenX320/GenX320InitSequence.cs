using System.Globalization;

namespace Spiking.Edge.Devices.Sensors.GenX320;

/// <summary>
/// Reads a board bring-up sequence from text, one operation per line: <c>write 0xADDR 0xVALUE</c> or
/// <c>delay MICROSECONDS</c>; blank lines and text after <c>#</c> are ignored. A transcription of an ISSD file fits.
/// </summary>
public static class GenX320InitSequence
{
    /// <summary>Parses a sequence.</summary>
    /// <param name="text">The lines.</param>
    /// <param name="source">Names the text in errors (e.g. a file path).</param>
    /// <returns>The operations in order.</returns>
    /// <exception cref="FormatException">A line is malformed: "source: line N: reason".</exception>
    public static IReadOnlyList<GenX320RegisterOperation> Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(source);
        var operations = new List<GenX320RegisterOperation>();
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            int hash = line.IndexOf('#', StringComparison.Ordinal);
            string[] words = (hash >= 0 ? line[..hash] : line).Split([' ', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0)
            {
                continue;
            }

            string where = $"{source}: line {i + 1}";
            switch (words[0].ToLowerInvariant())
            {
                case "write" when words.Length == 3:
                    uint address = Number(words[1], where);
                    if (address > ushort.MaxValue)
                    {
                        throw new FormatException($"{where}: register address {words[1]} is above 0xFFFF");
                    }

                    operations.Add(GenX320RegisterOperation.Write((ushort)address, Number(words[2], where)));
                    break;
                case "delay" when words.Length == 2:
                    uint microseconds = Number(words[1], where);
                    if (microseconds > 10_000_000)
                    {
                        throw new FormatException($"{where}: delay {words[1]} us is above 10,000,000");
                    }

                    operations.Add(GenX320RegisterOperation.Delay((int)microseconds));
                    break;
                default:
                    throw new FormatException($"{where}: expected \"write 0xADDR 0xVALUE\" or \"delay MICROSECONDS\", found \"{line.Trim()}\"");
            }
        }

        return operations;
    }

    private static uint Number(string word, string where)
    {
        bool hex = word.StartsWith("0x", StringComparison.OrdinalIgnoreCase);
        if (uint.TryParse(hex ? word.AsSpan(2) : word, hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out uint value))
        {
            return value;
        }

        throw new FormatException($"{where}: \"{word}\" is not a 32-bit number (decimal or 0x hex)");
    }
}
