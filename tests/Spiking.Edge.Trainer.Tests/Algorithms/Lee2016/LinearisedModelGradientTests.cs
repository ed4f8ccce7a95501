using Spiking.Edge.Trainer.Algorithms.Lee2016;
using static Spiking.Edge.Trainer.Tests.Algorithms.Lee2016.LeeTesting;
using static TorchSharp.torch;

namespace Spiking.Edge.Trainer.Tests.Algorithms.Lee2016;

/// <summary>
/// The quantity Lee et al.'s backward pass differentiates, written out independently in doubles: per layer the
/// winner-take-all system θ_i (a_i + c Σ_{h≠i} a_h) = Σ_j w_ij x_j solved by Gaussian elimination, and between
/// layers x′ = x′₀ + r ⊙ (a − a₀) (slope r at the operating point: x′₀/a₀ for Ratio, 1 for One). Central finite
/// differences of the loss of this model against <see cref="Lee2016Backward"/> at its own operating point.
/// </summary>
[Collection("TorchSharp")]
public class LinearisedModelGradientTests
{
    private const int Inputs = 3;
    private const int Hidden = 4;
    private const int Outputs = 3;
    private static readonly double[][] X0 = [[1.5, 0.4, 2.2], [0.3, 1.8, 0.9]];
    private static readonly long[] Labels = [2, 0];
    private static readonly double[] Ratios = [0.45, 0.7, 0.5, 0.9];

    private sealed record Model(double[] W0, double[] Theta0, double C0, double[] W1, double[] Theta1, double C1, InputSlope Slope, CountLoss Loss)
    {
        public double[] Hidden0 { get; init; } = [];

        public double[] Next0 { get; init; } = [];
    }

    private static double[] Solve(double[] w, double[] theta, double c, double[] x, int rows, int columns)
    {
        // Build A a = b with A_ik = θ_i (δ_ik + c (1 − δ_ik)), b_i = Σ_j w_ij x_j, then eliminate.
        var a = new double[rows, rows + 1];
        for (var i = 0; i < rows; i++)
        {
            for (var k = 0; k < rows; k++)
            {
                a[i, k] = theta[i] * (i == k ? 1 : c);
            }

            for (var j = 0; j < columns; j++)
            {
                a[i, rows] += w[(i * columns) + j] * x[j];
            }
        }

        for (var p = 0; p < rows; p++)
        {
            for (var r = p + 1; r < rows; r++)
            {
                var f = a[r, p] / a[p, p];
                for (var k = p; k <= rows; k++)
                {
                    a[r, k] -= f * a[p, k];
                }
            }
        }

        var result = new double[rows];
        for (var i = rows - 1; i >= 0; i--)
        {
            var sum = a[i, rows];
            for (var k = i + 1; k < rows; k++)
            {
                sum -= a[i, k] * result[k];
            }

            result[i] = sum / a[i, i];
        }

        return result;
    }

    private static (double[] A0, double[] X1, double[] A1) Forward(Model m, int sample)
    {
        var a0 = Solve(m.W0, m.Theta0, m.C0, X0[sample], Hidden, Inputs);
        var x1 = new double[Hidden];
        for (var j = 0; j < Hidden; j++)
        {
            var slope = m.Slope == InputSlope.Ratio ? Ratios[j] : 1;
            var nominalA = m.Hidden0.Length == 0 ? a0[j] : m.Hidden0[(sample * Hidden) + j];
            var nominalX = m.Next0.Length == 0 ? Ratios[j] * a0[j] : m.Next0[(sample * Hidden) + j];
            x1[j] = nominalX + (slope * (a0[j] - nominalA));
        }

        return (a0, x1, Solve(m.W1, m.Theta1, m.C1, x1, Outputs, Hidden));
    }

    private static double Loss(Model m)
    {
        var total = 0.0;
        for (var n = 0; n < Labels.Length; n++)
        {
            var a1 = Forward(m, n).A1;
            if (m.Loss == CountLoss.CrossEntropy)
            {
                total += Math.Log(a1.Sum(Math.Exp)) - a1[Labels[n]];
            }
            else
            {
                // Tick normalisation (T = 10): smooth, so finite differences apply.
                total += 0.5 * a1.Select((v, i) => Math.Pow((v / 10) - (i == Labels[n] ? 1 : 0), 2)).Sum();
            }
        }

        return total / Labels.Length;
    }

    private static double[] Draw(Random random, int count, double low, double high) =>
        [.. Enumerable.Range(0, count).Select(_ => low + ((high - low) * random.NextDouble()))];

    [Theory]
    [InlineData(WtaBackward.Solve, ThresholdSlope.Inhibited, InputSlope.Ratio, 0.1, 0.15, CountLoss.CrossEntropy)]
    [InlineData(WtaBackward.Solve, ThresholdSlope.Inhibited, InputSlope.One, 0.2, 0.05, CountLoss.NormalisedMse)]
    [InlineData(WtaBackward.Solve, ThresholdSlope.Count, InputSlope.Ratio, 0, 0, CountLoss.CrossEntropy)]
    public void Gradients_equal_finite_differences_of_the_linearised_count_model(WtaBackward wta, ThresholdSlope thresholdSlope, InputSlope inputSlope, double c0, double c1, CountLoss loss)
    {
        using var scope = NewDisposeScope();
        var random = new Random(7);
        var model = new Model(Draw(random, Hidden * Inputs, 0.2, 1.2), Draw(random, Hidden, 0.5, 1.5), c0, Draw(random, Outputs * Hidden, -1, 1), Draw(random, Outputs, 0.4, 1.2), c1, inputSlope, loss);

        // The operating point: the model's own counts and effective inputs.
        var hidden = new double[Labels.Length * Hidden];
        var next = new double[Labels.Length * Hidden];
        var outputs = new double[Labels.Length * Outputs];
        for (var n = 0; n < Labels.Length; n++)
        {
            var (a0, x1, a1) = Forward(model, n);
            Assert.All(a0, a => Assert.True(a > 0, "the operating point needs firing hidden neurons for the ratio slope"));
            a0.CopyTo(hidden, n * Hidden);
            x1.CopyTo(next, n * Hidden);
            a1.CopyTo(outputs, n * Outputs);
        }

        model = model with { Hidden0 = hidden, Next0 = next };
        long batch = Labels.Length;
        var records = new[]
        {
            new LeeLayerRecord(Doubles([batch, Inputs], [.. X0.SelectMany(r => r)]), Doubles([batch, Hidden], hidden), Doubles([Hidden, Inputs], model.W0), Doubles([Hidden], model.Theta0), c0, null),
            new LeeLayerRecord(Doubles([batch, Hidden], next), Doubles([batch, Outputs], outputs), Doubles([Outputs, Hidden], model.W1), Doubles([Outputs], model.Theta1), c1, null),
        };
        var error = CountLossFunction.Evaluate(Doubles([batch, Outputs], outputs), tensor(Labels), loss, CountNormaliser.Ticks, 10).Error;
        var gradients = Lee2016Backward.Run(records, error, wta, thresholdSlope, inputSlope);

        Compare(model, m => m.W0, gradients[0].Weight, "W0");
        Compare(model, m => m.Theta0, gradients[0].Threshold, "θ0");
        Compare(model, m => m.W1, gradients[1].Weight, "W1");
        Compare(model, m => m.Theta1, gradients[1].Threshold, "θ1");
    }

    private static void Compare(Model model, Func<Model, double[]> parameter, Tensor analytic, string name)
    {
        const double h = 1e-6;
        var values = parameter(model);
        var expected = new double[values.Length];
        for (var k = 0; k < values.Length; k++)
        {
            var saved = values[k];
            values[k] = saved + h;
            var plus = Loss(model);
            values[k] = saved - h;
            var minus = Loss(model);
            values[k] = saved;
            expected[k] = (plus - minus) / (2 * h);
        }

        Near(expected, analytic, 1e-6, name);
    }
}
