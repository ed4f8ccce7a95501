using Spiking.Edge.Trainer.Functional;

namespace Spiking.Edge.Trainer.Algorithms.StRsbp;

/// <summary>
/// Our own generator of the mean S-PSP as a function of the two spike counts (the reference's coefficient files are not
/// available; seed-methods §2.4(c)). For every count n, <see cref="EffectRatioKey.Samples"/> random trains of n spikes in
/// T ticks are drawn uniformly among all trains whose spikes lie at least R + 1 ticks apart (the closest our neuron can
/// fire): choose n of the T − (n − 1)·R slots by selection sampling, then spread the k-th chosen slot by k·R. The mean
/// postsynaptic kernel K̄_n(s) (<see cref="SpikeTrainPsp.Kernel"/>) is averaged over the trains of count n, the mean
/// presynaptic trace P̄_n(s) likewise, and because e = Σ_s K(s)·P(s) is bilinear in two independent trains,
/// mean e(n_i, n_j) = Σ_s K̄_{n_i}(s)·P̄_{n_j}(s) exactly: the average over all Samples² pairs of trains. One
/// <see cref="SplitMix64"/> stream seeded with the key's seed draws the postsynaptic trains of n = 1 … max first, then
/// the presynaptic ones of n = 1 … rows.
/// </summary>
public static class EffectRatioGenerator
{
    /// <summary>The Monte-Carlo means, indexed [n_i, n_j] for n_i = 0 … <see cref="EffectRatioKey.MaxCount"/> and
    /// n_j = 0 … <see cref="EffectRatioKey.PresynapticRows"/> (row and column 0 are 0).</summary>
    /// <param name="key">Neuron constants, T and the generator's settings.</param>
    public static double[,] MeanPsp(EffectRatioKey key)
    {
        key.Validate();
        var ticks = key.Ticks;
        var refractory = key.RefractoryTicks;
        var maxPost = key.MaxCount;
        var rows = key.PresynapticRows;
        var random = new SplitMix64(key.Seed);
        var spikes = new int[maxPost];
        var betaPowers = new double[ticks + 1];
        betaPowers[0] = 1;
        for (var d = 1; d <= ticks; d++)
        {
            betaPowers[d] = betaPowers[d - 1] * key.Beta;
        }

        var kernels = new double[maxPost + 1, ticks];
        for (var n = 1; n <= maxPost; n++)
        {
            for (var sample = 0; sample < key.Samples; sample++)
            {
                Draw(random, ticks, refractory, n, spikes);
                var start = 0;
                for (var f = 0; f < n; f++)
                {
                    var spike = spikes[f];
                    for (var s = start; s <= spike; s++)
                    {
                        kernels[n, s] += betaPowers[spike - s];
                    }

                    start = spike + refractory + 1;
                }
            }
        }

        var traces = new double[rows + 1, ticks];
        for (var n = 1; n <= rows; n++)
        {
            for (var sample = 0; sample < key.Samples; sample++)
            {
                Draw(random, ticks, refractory, n, spikes);
                var next = 0;
                var trace = 0.0;
                for (var s = 0; s < ticks; s++)
                {
                    trace *= key.Alpha;
                    if (next < n && spikes[next] == s)
                    {
                        trace += 1;
                        next++;
                    }

                    traces[n, s] += trace;
                }
            }
        }

        var means = new double[maxPost + 1, rows + 1];
        var norm = 1.0 / ((double)key.Samples * key.Samples);
        for (var i = 1; i <= maxPost; i++)
        {
            for (var j = 1; j <= rows; j++)
            {
                var sum = 0.0;
                for (var s = 0; s < ticks; s++)
                {
                    sum += kernels[i, s] * traces[j, s];
                }

                means[i, j] = sum * norm;
            }
        }

        return means;
    }

    /// <summary>Draws n spike times, ascending, uniformly among the trains of T ticks whose spikes are ≥ R + 1 ticks apart.</summary>
    /// <param name="random">Generator.</param>
    /// <param name="ticks">T.</param>
    /// <param name="refractoryTicks">R.</param>
    /// <param name="count">n (1 … ⌈T/(R + 1)⌉).</param>
    /// <param name="spikes">Receives the times in its first n entries.</param>
    internal static void Draw(SplitMix64 random, int ticks, int refractoryTicks, int count, Span<int> spikes)
    {
        var slots = ticks - ((count - 1) * refractoryTicks);
        var chosen = 0;
        for (var slot = 0; slot < slots && chosen < count; slot++)
        {
            // Selection sampling (Knuth's algorithm S): keep this slot with probability needed / remaining.
            if (random.NextDouble() * (slots - slot) < count - chosen)
            {
                spikes[chosen] = slot + (chosen * refractoryTicks);
                chosen++;
            }
        }
    }
}
