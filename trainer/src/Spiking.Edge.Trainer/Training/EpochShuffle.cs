namespace Spiking.Edge.Trainer.Training;

/// <summary>
/// The sample order of an epoch: a Fisher–Yates shuffle driven by a generator seeded from (seed, epoch) only,
/// so a resumed run needs no saved generator state to reproduce the orders of later epochs.
/// </summary>
internal static class EpochShuffle
{
    public static int[] Order(int count, int seed, int epoch)
    {
        var order = Enumerable.Range(0, count).ToArray();
        var random = new Random(unchecked((seed * 1_000_003) ^ (epoch * 7_919) ^ 0x5EED));
        for (var i = count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        return order;
    }
}
