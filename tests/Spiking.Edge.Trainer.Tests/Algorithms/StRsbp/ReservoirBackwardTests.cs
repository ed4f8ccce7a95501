using Spiking.Edge.Trainer.Algorithms.StRsbp;
using Spiking.Edge.Trainer.Tests.Cells;
using static TorchSharp.torch;

namespace Spiking.Edge.Trainer.Tests.Algorithms.StRsbp;

[Collection("TorchSharp")]
public class ReservoirBackwardTests
{
    private const double Threshold = 20;
    private const double SilentRatio = 4;

    [Fact]
    public void Chain_rule_gradients_match_finite_differences_of_the_linearised_recurrent_count_model()
    {
        // The model: o_i = o⁰_i + (1/θ)[Σ_j (w_ij ẽ_ij − w⁰_ij e⁰_ij) + Σ_p (v_ip ẽ_ip − v⁰_ip e⁰_ip)], with
        // ẽ_ij = e⁰_ij + r_ij Δo_j + P′_ij Δo_i and ẽ_ip = e⁰_ip + r_ip Δo_p + P′_ip Δo_i (n_i clamped to ≥ 1 in P′), a linear
        // system in Δo solved exactly; loss ℓ = Σ_i g_i o_i. ST-RSBP with RecurrentSolve.ChainRule and the full weight
        // gradient must give its exact derivatives in every w_ij, every existing v_ip and every o_j.
        var scenario = new Scenario(inputs: 4, seed: 3);
        using var scope = NewDisposeScope();
        var result = scenario.Run(new StRsbpOptions());
        var weight = TensorAssert.Values(result.Weight);
        var recurrent = TensorAssert.Values(result.Recurrent!);
        var below = TensorAssert.Values(result.DeltaBelow!);
        const double h = 1e-5;
        for (var i = 0; i < Scenario.Size; i++)
        {
            for (var j = 0; j < scenario.Inputs; j++)
            {
                var numeric = scenario.Numeric(h, (w, _, _, s) => w[i, j] += s);
                Near(numeric, weight[(i * scenario.Inputs) + j], $"w[{i},{j}]");
            }

            for (var p = 0; p < Scenario.Size; p++)
            {
                var numeric = scenario.Mask[i, p] > 0 ? scenario.Numeric(h, (_, v, _, s) => v[i, p] += s) : 0;
                Near(numeric, recurrent[(i * Scenario.Size) + p], $"v[{i},{p}]");
            }
        }

        for (var j = 0; j < scenario.Inputs; j++)
        {
            Near(scenario.Numeric(h, (_, _, o, s) => o[j] += s), below[j], $"o_j[{j}]");
        }

        Assert.Contains(recurrent, value => Math.Abs(value) > 1e-3);
    }

    [Fact]
    public void The_diagonal_variant_divides_by_l_ii_only()
    {
        var scenario = new Scenario(inputs: 4, seed: 5);
        using var scope = NewDisposeScope();
        var result = scenario.Run(new StRsbpOptions { RecurrentWeightGradient = RecurrentWeightGradient.Diagonal });
        var full = scenario.Run(new StRsbpOptions());
        var weight = TensorAssert.Values(result.Weight);
        var recurrent = TensorAssert.Values(result.Recurrent!);
        var l = scenario.SystemMatrix();
        for (var i = 0; i < Scenario.Size; i++)
        {
            var scale = scenario.G[i] / Threshold / l[i, i];
            for (var j = 0; j < scenario.Inputs; j++)
            {
                Near(scale * scenario.InputPsp[i, j], weight[(i * scenario.Inputs) + j], $"w[{i},{j}]");
            }

            for (var p = 0; p < Scenario.Size; p++)
            {
                Near(scenario.Mask[i, p] * scale * scenario.RecurrentPsp[i, p], recurrent[(i * Scenario.Size) + p], $"v[{i},{p}]");
            }
        }

        // The error passed down is the chain rule's in both variants.
        Assert.Equal(TensorAssert.Values(full.DeltaBelow!), TensorAssert.Values(result.DeltaBelow!));
        Assert.NotEqual(TensorAssert.Values(full.Weight), weight);
    }

    [Fact]
    public void The_reference_transposed_solve_passes_down_delta_hat_r_l_inverse()
    {
        // Square layer (3 inputs, 3 neurons): δ_belowᵀ = δ̂ᵀ R L⁻¹ with R_ij = w_ij r_ij, i.e. Lᵀ δ_below = Rᵀ δ̂.
        var scenario = new Scenario(inputs: Scenario.Size, seed: 9);
        using var scope = NewDisposeScope();
        var transposed = TensorAssert.Values(scenario.Run(new StRsbpOptions { RecurrentSolve = RecurrentSolve.ReferenceTransposed }).DeltaBelow!);
        var chain = TensorAssert.Values(scenario.Run(new StRsbpOptions()).DeltaBelow!);
        var l = scenario.SystemMatrix();
        var rhs = new double[Scenario.Size];
        var lt = new double[Scenario.Size, Scenario.Size];
        for (var j = 0; j < Scenario.Size; j++)
        {
            for (var i = 0; i < Scenario.Size; i++)
            {
                rhs[j] += scenario.G[i] / Threshold * scenario.W[i, j] * scenario.InputPsp[i, j] / scenario.Pre[j];
                lt[j, i] = l[i, j];
            }
        }

        var expected = NaiveStRsbp.Solve(lt, rhs);
        for (var j = 0; j < Scenario.Size; j++)
        {
            Near(expected[j], transposed[j], $"δ_below[{j}]");
        }

        Assert.True(chain.Zip(transposed).Any(pair => Math.Abs(pair.First - pair.Second) > 1e-3), "the two solves should differ");
    }

    [Fact]
    public void The_reference_transposed_solve_is_refused_when_inputs_and_neurons_differ()
    {
        var scenario = new Scenario(inputs: 4, seed: 3);
        using var scope = NewDisposeScope();
        var error = Assert.Throws<ArgumentException>(() => scenario.Run(new StRsbpOptions { RecurrentSolve = RecurrentSolve.ReferenceTransposed }));
        Assert.Contains("4 inputs and 3 neurons", error.Message, StringComparison.Ordinal);
    }

    private static void Near(double expected, double actual, string what) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-4 * Math.Max(1, Math.Abs(expected)), $"{what}: {actual} vs {expected}");

    /// <summary>Three reservoir neurons with connections 1→0, 2→0, 2→1, 0→2 and random S-PSPs, weights and errors.</summary>
    private sealed class Scenario
    {
        public const int Size = 3;

        private readonly EffectRatioPolynomial _polynomial = EffectRatioCache.Get(new EffectRatioKey(0.875, 0.984375, 2, 30, 200, 1, 100));
        private readonly double[,] _inputDerivative;
        private readonly double[,] _recurrentDerivative;

        public Scenario(int inputs, int seed)
        {
            Inputs = inputs;
            var random = new Random(seed);
            Post = [3, 2, 5];
            Pre = [.. Enumerable.Range(0, inputs).Select(j => (double)(1 + ((j * 3) % 5)))];
            Mask = new double[Size, Size];
            Mask[0, 1] = Mask[0, 2] = Mask[1, 2] = Mask[2, 0] = 1;
            W = new double[Size, inputs];
            V = new double[Size, Size];
            InputPsp = new double[Size, inputs];
            RecurrentPsp = new double[Size, Size];
            _inputDerivative = new double[Size, inputs];
            _recurrentDerivative = new double[Size, Size];
            G = new double[Size];
            for (var i = 0; i < Size; i++)
            {
                G[i] = (random.NextDouble() * 2) - 1;
                for (var j = 0; j < inputs; j++)
                {
                    W[i, j] = (random.NextDouble() * 2) - 1;
                    InputPsp[i, j] = 0.5 + (4.5 * random.NextDouble());
                    _inputDerivative[i, j] = _polynomial.Derivative(Math.Max(Post[i], 1), Pre[j]);
                }

                for (var p = 0; p < Size; p++)
                {
                    V[i, p] = Mask[i, p] * ((random.NextDouble() * 4) - 2);
                    RecurrentPsp[i, p] = 0.5 + (4.5 * random.NextDouble());
                    _recurrentDerivative[i, p] = _polynomial.Derivative(Math.Max(Post[i], 1), Post[p]);
                }
            }
        }

        public int Inputs { get; }

        public double[] Post { get; }

        public double[] Pre { get; }

        public double[,] Mask { get; }

        public double[,] W { get; }

        public double[,] V { get; }

        public double[,] InputPsp { get; }

        public double[,] RecurrentPsp { get; }

        public double[] G { get; }

        public LayerGradient Run(StRsbpOptions options)
        {
            var weight = FeedForwardBackwardTests.Float(W);
            var recurrent = FeedForwardBackwardTests.Float(V);
            var mask = FeedForwardBackwardTests.Float(Mask);
            var post = tensor(Post.Select(v => (float)v).ToArray()).reshape(1, Size);
            var pre = tensor(Pre.Select(v => (float)v).ToArray()).reshape(1, Inputs);
            var clamped = post.clamp_min(1);
            var self = _polynomial.WeightedDerivative(clamped, pre, weight).add(_polynomial.WeightedDerivative(clamped, post, recurrent)).div(Threshold);
            var deltaHat = tensor(G.Select(v => (float)(v / Threshold)).ToArray()).reshape(1, Size);
            return ReservoirBackward.Compute(
                FeedForwardBackwardTests.Float(InputPsp).unsqueeze(0), FeedForwardBackwardTests.Float(RecurrentPsp).unsqueeze(0), post, pre, weight, recurrent, mask, deltaHat, self, Threshold, options, SilentRatio, passDown: true);
        }

        /// <summary>L of the linear system at the operating point.</summary>
        public double[,] SystemMatrix() => Matrix(W, V);

        /// <summary>Central difference of ℓ after <paramref name="change"/> adds ±h to one of w, v or o_j.</summary>
        public double Numeric(double h, Action<double[,], double[,], double[], double> change)
        {
            double At(double step)
            {
                var w = (double[,])W.Clone();
                var v = (double[,])V.Clone();
                var o = (double[])Pre.Clone();
                change(w, v, o, step);
                return Loss(w, v, o);
            }

            return (At(h) - At(-h)) / (2 * h);
        }

        private double[,] Matrix(double[,] w, double[,] v)
        {
            var a = new double[Size, Size];
            for (var i = 0; i < Size; i++)
            {
                var slope = 0.0;
                for (var j = 0; j < Inputs; j++)
                {
                    slope += w[i, j] * _inputDerivative[i, j];
                }

                for (var p = 0; p < Size; p++)
                {
                    slope += v[i, p] * _recurrentDerivative[i, p];
                    if (p != i)
                    {
                        a[i, p] = -v[i, p] * (RecurrentPsp[i, p] / Post[p]) / Threshold;
                    }
                }

                a[i, i] = 1 - (slope / Threshold);
            }

            return a;
        }

        private double Loss(double[,] w, double[,] v, double[] pre)
        {
            var b = new double[Size];
            for (var i = 0; i < Size; i++)
            {
                for (var j = 0; j < Inputs; j++)
                {
                    b[i] += (w[i, j] * (InputPsp[i, j] + (InputPsp[i, j] / Pre[j] * (pre[j] - Pre[j])))) - (W[i, j] * InputPsp[i, j]);
                }

                for (var p = 0; p < Size; p++)
                {
                    b[i] += (v[i, p] - V[i, p]) * RecurrentPsp[i, p];
                }

                b[i] /= Threshold;
            }

            var change = NaiveStRsbp.Solve(Matrix(w, v), b);
            return Enumerable.Range(0, Size).Sum(i => G[i] * (Post[i] + change[i]));
        }
    }
}
