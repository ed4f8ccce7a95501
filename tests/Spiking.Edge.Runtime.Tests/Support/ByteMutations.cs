namespace Spiking.Edge.Runtime.Tests.Support;

/// <summary>The seeded byte mutations the hostile-input tests apply to valid model bodies.</summary>
internal static class ByteMutations
{
    /// <summary>A copy of <paramref name="body"/> with 1–3 bytes replaced, bit-flipped or nudged by ±2.</summary>
    public static byte[] Mutate(byte[] body, Random random)
    {
        byte[] mutated = (byte[])body.Clone();
        int flips = random.Next(1, 4);
        for (int f = 0; f < flips; f++)
        {
            int at = random.Next(mutated.Length);
            mutated[at] = random.Next(3) switch
            {
                0 => (byte)random.Next(256),
                1 => (byte)(mutated[at] ^ (1 << random.Next(8))),
                _ => (byte)(mutated[at] + random.Next(-2, 3)),
            };
        }

        return mutated;
    }
}
