namespace Spiking.Edge.Trainer.Functional;

/// <summary>
/// The fixed sparse recurrent connectivity of an ST-RSBP "reservoir" layer (seed-methods §2.5), drawn by our own
/// seeded generator: the neurons sit on a 3-D grid (neuron k at x = k mod X, y = (k / X) mod Y, z = k / (X·Y));
/// exactly round(f·N) of them, picked by a seeded shuffle, are inhibitory (f = 20 % by default), the others excitatory;
/// a connection pre → post (pre ≠ post; no self-connections) exists with probability c·exp(−d²/4), d the Euclidean grid
/// distance, with c = 0.45 (E→E), 0.30 (E→I), 0.60 (I→E), 0.15 (I→I). The E/I label changes only the probability,
/// never the sign of the weight. The pairs are drawn in the order post = 0 … N−1, pre = 0 … N−1.
/// </summary>
public sealed class ReservoirConnectivity
{
    /// <summary>Connection probability scale c for excitatory → excitatory (0.3 × 1.5).</summary>
    public const double ExcitatoryToExcitatory = 0.45;

    /// <summary>c for excitatory → inhibitory (0.2 × 1.5).</summary>
    public const double ExcitatoryToInhibitory = 0.30;

    /// <summary>c for inhibitory → excitatory (0.4 × 1.5).</summary>
    public const double InhibitoryToExcitatory = 0.60;

    /// <summary>c for inhibitory → inhibitory (0.1 × 1.5).</summary>
    public const double InhibitoryToInhibitory = 0.15;

    private readonly int[] _grid;
    private readonly bool[] _mask;
    private readonly bool[] _inhibitory;

    private ReservoirConnectivity(int[] grid, bool[] mask, bool[] inhibitory)
    {
        _grid = grid;
        _mask = mask;
        _inhibitory = inhibitory;
        Size = inhibitory.Length;
    }

    /// <summary>The grid dimensions X, Y, Z (a copy).</summary>
    public int[] Grid => [.. _grid];

    /// <summary>Number of neurons N = X·Y·Z.</summary>
    public int Size { get; }

    /// <summary>Number of connections.</summary>
    public int ConnectionCount => _mask.Count(m => m);

    /// <summary>Whether the connection pre → post exists.</summary>
    /// <param name="post">Postsynaptic neuron.</param>
    /// <param name="pre">Presynaptic neuron.</param>
    public bool IsConnected(int post, int pre) => _mask[(post * Size) + pre];

    /// <summary>Whether neuron <paramref name="neuron"/> is labelled inhibitory.</summary>
    /// <param name="neuron">Index.</param>
    public bool IsInhibitory(int neuron) => _inhibitory[neuron];

    /// <summary>The mask row-major [post, pre] as 0/1 floats (N × N values).</summary>
    public float[] MaskValues() => [.. _mask.Select(m => m ? 1f : 0f)];

    /// <summary>Draws the connectivity.</summary>
    /// <param name="grid">X, Y, Z (each ≥ 1).</param>
    /// <param name="seed">Generator seed (ST-RSBP uses a fixed seed; ours defaults to 5 in <c>ReservoirOptions</c>).</param>
    /// <param name="inhibitoryFraction">Fraction of inhibitory neurons in [0, 1].</param>
    public static ReservoirConnectivity Build(IReadOnlyList<int> grid, long seed, double inhibitoryFraction = 0.2)
    {
        ArgumentNullException.ThrowIfNull(grid);
        if (grid.Count != 3 || grid.Any(g => g < 1))
        {
            throw new ArgumentException($"Reservoir grid must be three sizes ≥ 1; got [{string.Join(", ", grid)}].", nameof(grid));
        }

        if (!(inhibitoryFraction is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(inhibitoryFraction), inhibitoryFraction, "Inhibitory fraction must be in [0, 1].");
        }

        long total = (long)grid[0] * grid[1] * grid[2];
        if (total > 65535)
        {
            throw new ArgumentException($"Reservoir grid {grid[0]}×{grid[1]}×{grid[2]} holds {total} neurons, more than a layer may have (65535).", nameof(grid));
        }

        var n = (int)total;
        var random = new SplitMix64(seed);
        var order = Enumerable.Range(0, n).ToArray();
        for (var i = n - 1; i > 0; i--)
        {
            var j = random.NextInt(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        var inhibitory = new bool[n];
        var inhibitoryCount = (int)Math.Round(inhibitoryFraction * n, MidpointRounding.AwayFromZero);
        for (var i = 0; i < inhibitoryCount; i++)
        {
            inhibitory[order[i]] = true;
        }

        var mask = new bool[(long)n * n];
        for (var post = 0; post < n; post++)
        {
            for (var pre = 0; pre < n; pre++)
            {
                if (pre == post)
                {
                    continue;
                }

                var c = (inhibitory[pre], inhibitory[post]) switch
                {
                    (false, false) => ExcitatoryToExcitatory,
                    (false, true) => ExcitatoryToInhibitory,
                    (true, false) => InhibitoryToExcitatory,
                    _ => InhibitoryToInhibitory,
                };
                var d2 = SquaredDistance(pre, post, grid[0], grid[1]);
                mask[(post * n) + pre] = random.NextDouble() < c * Math.Exp(-d2 / 4.0);
            }
        }

        return new ReservoirConnectivity([grid[0], grid[1], grid[2]], mask, inhibitory);
    }

    /// <summary>
    /// The most cube-like grid X ≤ Y ≤ Z with X·Y·Z = <paramref name="size"/> (smallest Z − X), used when a layer's
    /// configuration names none; e.g. 500 → 5×10×10, 400 → 5×8×10 (ST-RSBP's own 400-neuron grid is 5×5×16).
    /// </summary>
    /// <param name="size">Number of neurons ≥ 1.</param>
    public static int[] DefaultGrid(int size)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        int[] best = [1, 1, size];
        for (var x = 1; (long)x * x * x <= size; x++)
        {
            if (size % x != 0)
            {
                continue;
            }

            var rest = size / x;
            for (var y = x; (long)y * y <= rest; y++)
            {
                if (rest % y != 0)
                {
                    continue;
                }

                var z = rest / y;
                if (z - x < best[2] - best[0])
                {
                    best = [x, y, z];
                }
            }
        }

        return best;
    }

    private static double SquaredDistance(int a, int b, int sizeX, int sizeY)
    {
        var dx = (a % sizeX) - (b % sizeX);
        var dy = ((a / sizeX) % sizeY) - ((b / sizeX) % sizeY);
        var dz = (a / (sizeX * sizeY)) - (b / (sizeX * sizeY));
        return (dx * dx) + (dy * dy) + (dz * dz);
    }
}
