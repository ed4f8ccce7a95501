using Spiking.Edge.Trainer.Functional;

namespace Spiking.Edge.Trainer.Tests.Cells;

public class ReservoirConnectivityTests
{
    [Fact]
    public void Same_seed_gives_the_same_connectivity_and_another_seed_a_different_one()
    {
        var a = ReservoirConnectivity.Build([5, 5, 16], seed: 5);
        var b = ReservoirConnectivity.Build([5, 5, 16], seed: 5);
        var c = ReservoirConnectivity.Build([5, 5, 16], seed: 6);
        Assert.Equal(a.MaskValues(), b.MaskValues());
        Assert.NotEqual(a.MaskValues(), c.MaskValues());
    }

    [Fact]
    public void A_fifth_of_the_neurons_are_inhibitory_and_no_neuron_connects_to_itself()
    {
        var r = ReservoirConnectivity.Build([5, 5, 16], seed: 5);
        Assert.Equal(400, r.Size);
        Assert.Equal(80, Enumerable.Range(0, 400).Count(r.IsInhibitory));
        Assert.DoesNotContain(Enumerable.Range(0, 400), n => r.IsConnected(n, n));
    }

    [Fact]
    public void Connections_are_sparse_and_local()
    {
        var r = ReservoirConnectivity.Build([5, 5, 16], seed: 5);
        // About c · Σ exp(−d²/4) ≈ 15–20 per neuron inside a 5×5×16 block; nothing beyond a few grid steps.
        var perNeuron = r.ConnectionCount / 400.0;
        Assert.InRange(perNeuron, 5, 30);
        var far = 0;
        for (var post = 0; post < 400; post++)
        {
            for (var pre = 0; pre < 400; pre++)
            {
                if (r.IsConnected(post, pre) && Math.Abs((post / 25) - (pre / 25)) > 6)
                {
                    far++;
                }
            }
        }

        Assert.Equal(0, far);
    }

    [Fact]
    public void Inhibitory_sources_connect_more_often_than_excitatory_ones()
    {
        var r = ReservoirConnectivity.Build([10, 10, 5], seed: 5);
        double Rate(bool inhibitoryPre)
        {
            int connected = 0, pairs = 0;
            for (var post = 0; post < r.Size; post++)
            {
                for (var pre = 0; pre < r.Size; pre++)
                {
                    var dz = Math.Abs((post / 100) - (pre / 100));
                    var dx = Math.Abs((post % 10) - (pre % 10));
                    var dy = Math.Abs(((post / 10) % 10) - ((pre / 10) % 10));
                    if (pre != post && dx + dy + dz == 1 && r.IsInhibitory(pre) == inhibitoryPre && !r.IsInhibitory(post))
                    {
                        pairs++;
                        connected += r.IsConnected(post, pre) ? 1 : 0;
                    }
                }
            }

            return connected / (double)pairs;
        }

        // Neighbours at distance 1 onto excitatory targets: 0.60·e^−¼ ≈ 0.47 (I→E) against 0.45·e^−¼ ≈ 0.35 (E→E).
        Assert.InRange(Rate(inhibitoryPre: true), 0.40, 0.54);
        Assert.InRange(Rate(inhibitoryPre: false), 0.31, 0.39);
    }

    [Theory]
    [InlineData(400, new[] { 5, 8, 10 })]
    [InlineData(500, new[] { 5, 10, 10 })]
    [InlineData(7, new[] { 1, 1, 7 })]
    public void Default_grid_is_the_most_cube_like_factorisation(int size, int[] grid)
    {
        Assert.Equal(grid, ReservoirConnectivity.DefaultGrid(size));
    }

    [Fact]
    public void Bad_grid_is_refused()
    {
        Assert.Throws<ArgumentException>(() => ReservoirConnectivity.Build([5, 0, 2], 1));
        Assert.Throws<ArgumentException>(() => ReservoirConnectivity.Build([5, 5], 1));
    }
}
