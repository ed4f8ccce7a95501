using System.Collections.Concurrent;
using TorchSharp;

namespace Spiking.Edge.Trainer.Functional;

/// <summary>
/// TorchSharp scalars that stay alive. A number passed where TorchSharp wants a <see cref="Scalar"/> (<c>x.add(y, 0.9f)</c>,
/// <c>x * 2.0</c>, <c>x.gt(0)</c>) becomes a temporary <see cref="Scalar"/> that nobody disposes; once its handle has been
/// read, the garbage collector may finalize it — freeing the native scalar — while libtorch still reads it on this
/// thread. Long runs that allocate on other threads (data loading) then crash with
/// "Exception raised from toFloat … Expected false to be true" (seen here after ~5 epochs; TorchSharp PRs #1434 and
/// #1496 describe the missing disposal). Every scalar of a hot path therefore comes from here: one cached, never
/// finalized <see cref="Scalar"/> per value.
/// </summary>
public static class Scalars
{
    private static readonly ConcurrentDictionary<double, Scalar> Cache = new();

    /// <summary>The cached double-precision scalar of <paramref name="value"/> (numerically the same for float32 tensors).</summary>
    public static Scalar S(double value) => Cache.GetOrAdd(value, static v => v.ToScalar());
}
