namespace Spiking.Edge.Cli;

/// <summary>Range checks on numeric flags, failing with one line that names the flag.</summary>
internal static class CliChecks
{
    public static int Positive(int value, string flag) => value >= 1 ? value : throw new CliException($"{flag} must be at least 1, found {value}");

    public static int NonNegative(int value, string flag) => value >= 0 ? value : throw new CliException($"{flag} must be 0 or more, found {value}");

    public static int[] Sizes(int[] values, string flag)
    {
        foreach (int v in values)
        {
            if (v < 1 || v > Spiking.Edge.Runtime.Semantics.MaxLayerSize)
            {
                throw new CliException($"{flag} sizes must be 1..{Spiking.Edge.Runtime.Semantics.MaxLayerSize}, found {v}");
            }
        }

        return values;
    }
}
