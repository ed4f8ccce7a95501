using Spiking.Edge.Runtime.Format;
using Spiking.Edge.Runtime.Tests.Support;

namespace Spiking.Edge.Runtime.Tests.Format11;

/// <summary>
/// Hostile bytes around a format-1.1 model (lookup tables, SRC parameters, recurrent weights nested one level deeper):
/// every outcome is a <see cref="ModelFormatException"/> with an offset inside the file, within the allocation bound
/// of the format-1.0 hostile-input tests, and a mutated file that loads still runs.
/// </summary>
public class HostileInputTests
{
    private static byte[] Valid() => TestModels.Build(LoaderRulesTests.ValidSpec());

    private static void LoadMaybe(byte[] bytes, bool mustFail)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        try
        {
            Network network = Network.Load(bytes);
            Assert.False(mustFail, "a damaged file loaded");
            network.PushEvent(0, 0, 0, 10);
            network.PushEvent(1, 0, 0, 1500);
            network.FinishSample();
        }
        catch (ModelFormatException e)
        {
            Assert.InRange(e.Offset, 0, bytes.Length);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.True(allocated <= (16L * bytes.Length) + 65536, $"Load allocated {allocated} bytes for a {bytes.Length}-byte file");
        }
    }

    [Fact]
    public void Truncation_at_every_byte_offset_is_refused()
    {
        byte[] model = Valid();
        for (int length = 0; length < model.Length; length++)
        {
            LoadMaybe(model.AsSpan(0, length).ToArray(), mustFail: true);
        }
    }

    [Fact]
    public void Seeded_mutations_with_a_recomputed_checksum_never_escape_as_other_exceptions()
    {
        byte[] valid = Valid();
        byte[] body = valid.AsSpan(0, valid.Length - 5).ToArray();
        var random = new Random(1101);
        for (int n = 0; n < 6000; n++)
        {
            byte[] mutated = ByteMutations.Mutate(body, random);

            LoadMaybe(TestModels.Seal(mutated), mustFail: false);
        }
    }
}
