using Spiking.Edge.Runtime.Accelerators;
using Spiking.Edge.Runtime.Kernels;
using Spiking.Edge.Runtime.Tests.Support;
using P = Spiking.Edge.ModelFormat.Proto;

namespace Spiking.Edge.Runtime.Tests.Format11;

/// <summary>
/// The event-driven runtime (scalar and SIMD row accumulators, every weight encoding) equals the dense time-stepped
/// <see cref="ReferenceSimulator"/> on random format-1.1 networks: every layer's output counts, the membrane sums,
/// SynOps (recurrent rows included, §6) and the predicted class.
/// </summary>
public class ReferenceAgreementTests
{
    private const int Trials = 25;

    public static TheoryData<string, int> Scenarios()
    {
        var data = new TheoryData<string, int>();
        foreach (string name in new[]
        {
            "recurrent csr", "recurrent bitmap", "recurrent dense", "graded chain lif-src-li", "wta floor gain",
            "current refractory", "layer scope reset", "decay leaky relu gate", "recurrent src", "integrator current",
        })
        {
            for (int seed = 1; seed <= 4; seed++)
            {
                data.Add(name, seed);
            }
        }

        return data;
    }

    private static NetSpec Build(string scenario, Random random) => scenario switch
    {
        "recurrent csr" => RandomNets11.Network(random, [LayerKind.BinaryLif, LayerKind.BinaryLif], Features.Recurrent, null, P.WeightEncoding.Csr),
        "recurrent bitmap" => RandomNets11.Network(random, [LayerKind.GradedLif, LayerKind.BinaryLif], Features.Recurrent, null, P.WeightEncoding.Bitmap),
        "recurrent dense" => RandomNets11.Network(random, [LayerKind.BinaryLif, LayerKind.GradedLif], Features.Recurrent | Features.Current, null, P.WeightEncoding.Dense),
        "graded chain lif-src-li" => RandomNets11.Network(random, [LayerKind.GradedLif, LayerKind.Src, LayerKind.Integrator], Features.None),
        "wta floor gain" => RandomNets11.Network(random, [LayerKind.BinaryLif, LayerKind.GradedLif], Features.Inhibition | Features.Floor | Features.SoftRefractory),
        "current refractory" => RandomNets11.Network(random, [LayerKind.BinaryLif, LayerKind.BinaryLif], Features.Current | Features.HardRefractory),
        "layer scope reset" => RandomNets11.Network(random, [LayerKind.GradedLif, LayerKind.BinaryLif], Features.LayerScope | Features.GateReset),
        "decay leaky relu gate" => RandomNets11.Network(random, [LayerKind.BinaryLif, LayerKind.GradedLif, LayerKind.Integrator], Features.Decay | Features.LeakyRelu | Features.GateReset),
        "recurrent src" => RandomNets11.Network(random, [LayerKind.Src, LayerKind.Src], Features.Recurrent),
        "integrator current" => RandomNets11.Network(random, [LayerKind.BinaryLif, LayerKind.Integrator], Features.Current | Features.Decay),
        _ => throw new ArgumentException(scenario),
    };

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Runtime_equals_the_reference_on_random_networks_of_the_scenario(string scenario, int seed)
    {
        var random = new Random((seed * 100_000) + scenario.Sum(c => c));
        int withEvents = 0;
        for (int trial = 0; trial < Trials; trial++)
        {
            NetSpec net = Build(scenario, random);
            withEvents += CheckAgainstReference(net, random) ? 1 : 0;
        }

        Assert.True(withEvents > Trials / 3, $"{scenario}: only {withEvents} of {Trials} networks produced events past the first layer");
    }

    [Theory]
    [InlineData(101)]
    [InlineData(102)]
    [InlineData(103)]
    [InlineData(104)]
    [InlineData(105)]
    [InlineData(106)]
    public void Runtime_equals_the_reference_on_networks_with_random_kinds_and_options(int seed)
    {
        var random = new Random(seed);
        for (int trial = 0; trial < 40; trial++)
        {
            CheckAgainstReference(RandomNets11.Anything(random), random);
        }
    }

    [Fact]
    public void Every_encoding_of_every_matrix_gives_the_same_outputs()
    {
        var random = new Random(77);
        for (int trial = 0; trial < 20; trial++)
        {
            NetSpec net = RandomNets11.Network(random, [LayerKind.GradedLif, LayerKind.Src, LayerKind.BinaryLif], Features.Recurrent | Features.Inhibition, P.WeightEncoding.Dense);
            var events = RandomNets.Events(random, net, 0, 300);
            string dense = WithoutSynOps(Outcome(Network.Load(TestModels.Build(net)), events, 0));
            foreach (var encoding in new[] { P.WeightEncoding.Csr, P.WeightEncoding.Bitmap })
            {
                // SynOps differ by design: DENSE stores every weight, CSR and BITMAP only the non-zero ones here (§6).
                Assert.Equal(dense, WithoutSynOps(Outcome(Network.Load(TestModels.Build(net.WithEncoding(encoding))), events, 0)));
            }
        }
    }

    /// <summary>Runs the reference and the runtime (scalar, then the best SIMD accumulator); returns whether a layer past the first produced events.</summary>
    private static bool CheckAgainstReference(NetSpec net, Random random)
    {
        long t0 = random.Next(0, 3000);
        var events = RandomNets.Events(random, net, t0, random.Next(0, 600));
        var expected = ReferenceSimulator.Run(net, events, t0);
        Assert.True(expected.LargestDrive < 1L << 31, $"drive {expected.LargestDrive} does not fit 32 bits");
        string want = Describe(expected.AllSpikeCounts, expected.MembraneSums, expected.SynOps, expected.PredictedClass);
        byte[] model = TestModels.Build(net);
        IRowAccumulator[] accumulators = [new ScalarRowAccumulator(), RowAccumulators.Best()];
        foreach (IRowAccumulator accumulator in accumulators)
        {
            string got = Outcome(Network.Load(model, accumulator), events, t0);
            Assert.True(want == got, $"{accumulator.GetType().Name} on {Describe(net)}\nexpected {want}\nruntime  {got}");
        }

        // Active: the layer before the last produced events, and the last layer produced events or a non-zero membrane.
        int last = net.Layers.Length - 1;
        bool fedForward = last == 0 || expected.AllSpikeCounts[last - 1].Any(v => v > 0);
        return fedForward && (expected.AllSpikeCounts[last].Any(v => v > 0) || expected.MembraneSums.Any(v => v != 0));
    }

    private static string Outcome(Network network, List<(int X, int Y, int P, long T)> events, long t0)
    {
        network.BeginSample(t0);
        foreach (var e in events)
        {
            network.PushEvent(e.X, e.Y, e.P, e.T);
        }

        network.FinishSample();
        var counts = Enumerable.Range(0, network.LayerCount)
            .Select(l => Enumerable.Range(0, network.GetLayerOutputSize(l)).Select(o => network.GetSpikeCount(l, o)).ToArray()).ToArray();
        var sums = new long[network.OutputSize];
        network.CopyMembraneSums(sums);
        return Describe(counts, sums, network.SynOps, network.PredictedClass);
    }

    private static string WithoutSynOps(string outcome) => outcome[..outcome.IndexOf(" synops ", StringComparison.Ordinal)];

    private static string Describe(int[][] counts, long[] sums, long synOps, int predicted) =>
        $"counts [{string.Join(" | ", counts.Select(c => string.Join(',', c)))}] sums [{string.Join(',', sums)}] synops {synOps} class {predicted}";

    private static string Describe(NetSpec net) => string.Join(" -> ", net.Layers.Select(l =>
        $"{l.Neuron}{(l.IsGraded ? "/graded" : "")} {l.InputSize}x{l.OutputSize} {l.Encoding}"
        + (l.Recurrent is null ? "" : $" R:{l.RecurrentEncoding}")
        + $" reset {l.Reset} scope {l.ResetScope} decay {l.Decay} shift {l.LeakShift} cur {l.CurrentShift} refr {l.RefractoryTicks} gain {l.RefractoryGain.Length} inh {l.Inhibition.Length} floor {l.MembraneFloor.Length} act {l.Activation}"))
        + $"; T {net.TicksPerSample}";
}
