using System.Globalization;
using Spiking.Edge.Trainer.Algorithms.StRsbp;

namespace Spiking.Edge.Bench.Algorithms;

/// <summary>How closely the effect-ratio quartic follows the generator's Monte-Carlo means (τ_s = 8, τ_m = 64, R = 2).</summary>
internal static class FitReport
{
    public static void Print(BenchSettings settings)
    {
        var defaults = new StRsbpOptions();
        Console.WriteLine();
        Console.WriteLine($"Effect-ratio polynomials, α = 0.875, β = 0.984375, R = 2, {defaults.PolynomialSamples} trains per count, seed {defaults.PolynomialSeed}:");
        Console.WriteLine();
        Console.WriteLine("| T | max count | rows | generate + fit | worst residual / row max | at (n_i, n_j) | mean e at n_i = 1, min(10, max), max (n_j = min(10, rows)) |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var ticks in new[] { settings.Ticks, 100, 400 })
        {
            var key = new EffectRatioKey(0.875, 0.984375, 2, ticks, defaults.PolynomialSamples, defaults.PolynomialSeed, defaults.MaxPresynapticCount);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var polynomial = EffectRatioPolynomial.Fit(key);
            var seconds = clock.Elapsed.TotalSeconds;
            double worst = 0;
            var at = (0, 0);
            for (var j = 1; j <= polynomial.PresynapticRows; j++)
            {
                double largest = 0, residual = 0;
                var where = 0;
                for (var i = 1; i <= polynomial.MaxPostsynapticCount; i++)
                {
                    largest = Math.Max(largest, polynomial.MonteCarloMean(i, j));
                    var r = Math.Abs(polynomial.Value(i, j) - polynomial.MonteCarloMean(i, j));
                    if (r > residual)
                    {
                        residual = r;
                        where = i;
                    }
                }

                if (residual / largest > worst)
                {
                    worst = residual / largest;
                    at = (where, j);
                }
            }

            var row = Math.Min(10, polynomial.PresynapticRows);
            var max = polynomial.MaxPostsynapticCount;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {ticks} | {max} | {polynomial.PresynapticRows} | {seconds:F2} s | {worst:P1} | {at} | {polynomial.MonteCarloMean(1, row):F1}, {polynomial.MonteCarloMean(Math.Min(10, max), row):F1}, {polynomial.MonteCarloMean(max, row):F1} |"));
        }
    }
}
