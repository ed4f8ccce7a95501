using Spiking.Edge.Trainer.Export;

namespace Spiking.Edge.Trainer.Pruning;

/// <summary>
/// Magnitude pruning of a trained network: sets the weights of smallest absolute value to exactly 0 so that the
/// exporter can choose a sparse encoding (semantics.md §3). The input spec is never changed; a new spec is returned.
/// </summary>
/// <remarks>
/// <para>Count rule: a fraction f of n weights zeroes <c>k = floor(f × n)</c> weights (a tolerance of 1e-9 absorbs
/// binary rounding, so 0.29 × 100 gives 29).</para>
/// <para>Tie rule: weights are ranked by |w| ascending and, among equal |w|, by position ascending (layer order,
/// then the row-major [output, input] index of <see cref="FloatLayerSpec.Weight"/>); the first k are zeroed. So the
/// result is fully deterministic, and weights that are already 0 are counted among the pruned ones.</para>
/// <para>Biases and thresholds are never pruned.</para>
/// </remarks>
public static class MagnitudePruner
{
    /// <summary>Zeroes the smallest-|w| <paramref name="fraction"/> of the weights of every layer, layer by layer.</summary>
    /// <param name="spec">The trained network.</param>
    /// <param name="fraction">0 (nothing) to 1 (every weight).</param>
    public static FloatNetworkSpec Prune(FloatNetworkSpec spec, double fraction)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var fractions = new double[spec.Layers.Count];
        Array.Fill(fractions, fraction);
        return Prune(spec, fractions);
    }

    /// <summary>Zeroes, in layer l, the smallest-|w| <c>fractions[l]</c> of that layer's weights.</summary>
    /// <param name="spec">The trained network.</param>
    /// <param name="fractions">One fraction in [0, 1] per layer.</param>
    public static FloatNetworkSpec Prune(FloatNetworkSpec spec, IReadOnlyList<double> fractions)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(fractions);
        if (fractions.Count != spec.Layers.Count)
        {
            throw new ArgumentException($"{fractions.Count} pruning fractions given for {spec.Layers.Count} layers; give one per layer", nameof(fractions));
        }

        var layers = new FloatLayerSpec[spec.Layers.Count];
        for (int l = 0; l < layers.Length; l++)
        {
            CheckFraction(fractions[l], $"fractions[{l}]");
            FloatLayerSpec layer = spec.Layers[l];
            CheckWeights(layer, l);
            float[] weight = (float[])layer.Weight.Clone();
            int[] order = RankByMagnitude([weight]);
            int k = PrunedCount(fractions[l], weight.Length);
            for (int n = 0; n < k; n++)
            {
                weight[order[n]] = 0f;
            }

            layers[l] = layer with { Weight = weight };
        }

        return spec with { Layers = layers };
    }

    /// <summary>
    /// Global magnitude pruning: ranks the weights of ALL layers together and zeroes the smallest-|w|
    /// <paramref name="fraction"/> of them, so layers with many small weights lose more.
    /// </summary>
    /// <param name="spec">The trained network.</param>
    /// <param name="fraction">0 (nothing) to 1 (every weight).</param>
    public static FloatNetworkSpec PruneGlobally(FloatNetworkSpec spec, double fraction)
    {
        ArgumentNullException.ThrowIfNull(spec);
        CheckFraction(fraction, nameof(fraction));
        var weights = new float[spec.Layers.Count][];
        for (int l = 0; l < weights.Length; l++)
        {
            CheckWeights(spec.Layers[l], l);
            weights[l] = (float[])spec.Layers[l].Weight.Clone();
        }

        int[] order = RankByMagnitude(weights);
        int k = PrunedCount(fraction, order.Length);
        var pruned = new bool[order.Length];
        for (int n = 0; n < k; n++)
        {
            pruned[order[n]] = true;
        }

        int flat = 0;
        foreach (float[] w in weights)
        {
            for (int i = 0; i < w.Length; i++, flat++)
            {
                if (pruned[flat])
                {
                    w[i] = 0f;
                }
            }
        }

        var layers = new FloatLayerSpec[weights.Length];
        for (int l = 0; l < layers.Length; l++)
        {
            layers[l] = spec.Layers[l] with { Weight = weights[l] };
        }

        return spec with { Layers = layers };
    }

    /// <summary>The fraction of weights over all layers that are exactly 0.</summary>
    public static double Sparsity(FloatNetworkSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        long zeros = 0, total = 0;
        foreach (FloatLayerSpec layer in spec.Layers)
        {
            foreach (float w in layer.Weight)
            {
                zeros += w == 0f ? 1 : 0;
            }

            total += layer.Weight.Length;
        }

        return total == 0 ? 0 : (double)zeros / total;
    }

    private static int PrunedCount(double fraction, int total) => (int)Math.Min(total, Math.Floor((fraction * total) + 1e-9));

    /// <summary>Flat positions over the concatenated arrays, sorted by |w| then position.</summary>
    private static int[] RankByMagnitude(float[][] weights)
    {
        int total = 0;
        foreach (float[] w in weights)
        {
            total += w.Length;
        }

        var keys = new float[total];
        var order = new int[total];
        int n = 0;
        foreach (float[] w in weights)
        {
            for (int i = 0; i < w.Length; i++, n++)
            {
                keys[n] = Math.Abs(w[i]);
                order[n] = n;
            }
        }

        Array.Sort(order, (a, b) =>
        {
            int c = keys[a].CompareTo(keys[b]);
            return c != 0 ? c : a.CompareTo(b);
        });
        return order;
    }

    private static void CheckFraction(double fraction, string name)
    {
        if (!(fraction >= 0 && fraction <= 1))
        {
            throw new ArgumentOutOfRangeException(name, fraction, $"pruning fraction {name} = {fraction} is outside [0, 1]");
        }
    }

    private static void CheckWeights(FloatLayerSpec layer, int index)
    {
        if (layer.Weight.Length != (long)layer.InputSize * layer.OutputSize)
        {
            throw new ArgumentException($"layer {index} ('{layer.Name}'): Weight holds {layer.Weight.Length} values, expected OutputSize × InputSize = {(long)layer.OutputSize * layer.InputSize}");
        }

        for (int i = 0; i < layer.Weight.Length; i++)
        {
            if (!float.IsFinite(layer.Weight[i]))
            {
                throw new ArgumentException($"layer {index} ('{layer.Name}'): Weight[{i}] is {layer.Weight[i]}, not a finite number");
            }
        }
    }
}
