using System.Collections.Concurrent;

namespace Spiking.Edge.Trainer.Algorithms.StRsbp;

/// <summary>The fitted effect-ratio polynomials of this process, one per <see cref="EffectRatioKey"/> (generated on first use).</summary>
public static class EffectRatioCache
{
    private static readonly ConcurrentDictionary<EffectRatioKey, Lazy<EffectRatioPolynomial>> Cache = new();

    /// <summary>The polynomials for <paramref name="key"/>, generating them the first time.</summary>
    /// <param name="key">Neuron constants, T and generator settings.</param>
    public static EffectRatioPolynomial Get(EffectRatioKey key)
    {
        key.Validate();
        return Cache.GetOrAdd(key, static k => new Lazy<EffectRatioPolynomial>(() => EffectRatioPolynomial.Fit(k), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
    }
}
