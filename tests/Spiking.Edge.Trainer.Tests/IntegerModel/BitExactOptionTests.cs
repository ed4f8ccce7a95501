using Spiking.Edge.ModelFormat;
using Spiking.Edge.ModelFormat.Proto;
using Spiking.Edge.Runtime.Accelerators;
using Spiking.Edge.Runtime.Events;
using Spiking.Edge.Runtime.Kernels;
using Spiking.Edge.Trainer.Export;
using Spiking.Edge.Trainer.IntegerModel;
using Spiking.Edge.Trainer.Quantization;

namespace Spiking.Edge.Trainer.Tests.IntegerModel;

/// <summary>
/// Format-1.1 models made the way training makes them — random float specs using every option, quantized and exported —
/// run bit for bit the same in the event-driven runtime (scalar and SIMD row accumulators) and the dense integer
/// simulation: every output sum of every layer, every membrane sum, prediction and SynOps.
/// </summary>
[Collection("TorchSharp")]
public class BitExactOptionTests
{
    private const int SeedsPerChain = 6;
    private const int SamplesPerModel = 3;

    private static readonly Dictionary<string, (string[] Kinds, int[] Sizes, ReadoutMode Readout)> Chains = new()
    {
        ["lif-graded-src-li"] = (["lif", "graded", "src", "li"], [10, 8, 6, 3], ReadoutMode.MembraneSum),
        ["graded-src"] = (["graded", "src"], [8, 4], ReadoutMode.SpikeCount),
        ["lif-lif"] = (["lif", "lif"], [10, 4], ReadoutMode.SpikeCount),
        ["lif-li"] = (["lif", "li"], [12, 3], ReadoutMode.MembraneSum),
        ["graded-graded"] = (["graded", "graded"], [8, 3], ReadoutMode.MembraneSum),
        ["src-src-li"] = (["src", "src", "li"], [8, 6, 3], ReadoutMode.MembraneSum),
        ["graded-lif"] = (["graded", "lif"], [9, 3], ReadoutMode.SpikeCount),
        ["src-lif-graded"] = (["src", "lif", "graded"], [7, 6, 3], ReadoutMode.SpikeCount),
    };

    public static TheoryData<string> ChainNames() => [.. Chains.Keys];

    [Theory]
    [MemberData(nameof(ChainNames))]
    public void Runtime_and_simulation_agree_on_quantized_random_specs(string chain)
    {
        for (int s = 0; s < SeedsPerChain; s++)
        {
            ChainCase c = Build(chain, 1000 + (97 * s) + chain.Length);
            Assert.True(c.Differences(extremes: false).Length == 0, c.Differences(extremes: false));
        }
    }

    [Theory]
    [MemberData(nameof(ChainNames))]
    public void Runtime_and_simulation_agree_when_constants_are_pushed_to_their_limits(string chain)
    {
        for (int s = 0; s < SeedsPerChain / 2; s++)
        {
            ChainCase c = Build(chain, 5000 + (89 * s) + chain.Length);
            Assert.True(c.Differences(extremes: true).Length == 0, c.Differences(extremes: true));
        }
    }

    [Fact]
    public void Random_specs_use_every_option_and_every_layer_outputs_something()
    {
        var seen = new HashSet<string>();
        foreach (string chain in Chains.Keys)
        {
            var outputs = new long[Chains[chain].Kinds.Length];
            for (int s = 0; s < SeedsPerChain; s++)
            {
                ChainCase c = Build(chain, 1000 + (97 * s) + chain.Length);
                seen.UnionWith(Options(c.Model));
                IntegerSimulationResult result = c.Simulate(c.Model);
                for (int l = 0; l < outputs.Length; l++)
                {
                    for (int n = 0; n < SamplesPerModel; n++)
                    {
                        for (int o = 0; o < c.Model.Layers[l].OutputSize; o++)
                        {
                            outputs[l] += result.SpikeCounts[l][n, o];
                        }
                    }
                }
            }

            for (int l = 0; l < outputs.Length; l++)
            {
                Assert.True(Chains[chain].Kinds[l] == "li" || outputs[l] > 0, $"{chain}: layer {l} never produced an output; the comparison would prove little there");
            }
        }

        string[] expected =
        [
            "decay", "leak_shift", "current", "refractory_ticks", "refractory_gain", "inhibition", "floor", "leaky_relu",
            "graded", "gate", "subtract", "layer_scope", "src", "recurrent DENSE", "recurrent BITMAP", "recurrent CSR", "src recurrent",
        ];
        Assert.Empty(expected.Except(seen));
    }

    private static IEnumerable<string> Options(Model model)
    {
        foreach (Layer layer in model.Layers)
        {
            if (layer.Decay > 0) yield return "decay";
            if (layer.LeakShift > 0) yield return "leak_shift";
            if (layer.CurrentShift > 0) yield return "current";
            if (layer.RefractoryTicks > 0) yield return "refractory_ticks";
            if (layer.RefractoryGain.Count > 0) yield return "refractory_gain";
            if (layer.Inhibition.Count > 0) yield return "inhibition";
            if (layer.MembraneFloor.Count > 0) yield return "floor";
            if (layer.Activation == StateActivation.LeakyRelu) yield return "leaky_relu";
            if (layer.Output == OutputKind.Graded) yield return "graded";
            if (layer.Reset == ResetMode.Gate) yield return "gate";
            if (layer.Reset == ResetMode.Subtract) yield return "subtract";
            if (layer.ResetScope == ResetScope.Layer) yield return "layer_scope";
            if (layer.Src is not null) yield return "src";
            if (layer.RecurrentWeights is { } r) yield return layer.Src is null ? $"recurrent {r.Encoding.ToString().ToUpperInvariant()}" : "src recurrent";
        }
    }

    private static ChainCase Build(string chain, int seed)
    {
        (string[] kinds, int[] sizes, ReadoutMode readout) = Chains[chain];
        FloatNetworkSpec spec = RandomFloatSpecs.Create(seed, kinds, sizes, readout);
        var provenance = new ProvenanceInfo("random", "none", "none", 0, 0, (ulong)seed, 0, DateTime.UnixEpoch, "test");
        Model model = ModelReader.FromBytes(ModelWriter.ToBytes(ModelExporter.ToModel(Quantizer.Quantize(spec), spec, provenance)), chain);
        var random = new Random(seed);
        long t0 = random.Next(2) == 0 ? 0 : random.Next(1, 50_000);
        var samples = new Event[SamplesPerModel][];
        for (int n = 0; n < samples.Length; n++)
        {
            samples[n] = RandomEventStream.Create(random, spec.Width, spec.Height, spec.Polarities, spec.TickMicroseconds, spec.TicksPerSample, 120 + random.Next(200), t0);
        }

        return new ChainCase($"chain {chain}, seed {seed}", model, samples, t0, seed);
    }

    private sealed record ChainCase(string Context, Model Model, Event[][] Samples, long T0, int Seed)
    {
        public IntegerSimulationResult Simulate(Model model)
        {
            using var simulation = new IntegerSimulation(model);
            return simulation.Run(Samples, T0);
        }

        public string Differences(bool extremes)
        {
            Model model = extremes ? ExtremeConstants.Apply(Model, new Random(Seed)) : Model;
            byte[] bytes = ModelWriter.ToBytes(model);
            IntegerSimulationResult result = Simulate(ModelReader.FromBytes(bytes, Context));
            string context = Context + (extremes ? ", extremes" : string.Empty);
            var text = new System.Text.StringBuilder();
            foreach ((string name, IRowAccumulator accumulator) in Accumulators())
            {
                RuntimeOutcome[] runtime = RuntimeOutcome.RunAll(bytes, Samples, T0, accumulator);
                for (int n = 0; n < Samples.Length; n++)
                {
                    text.Append(OutcomeComparer.Differences(runtime[n], result, n, $"{context}, {name}"));
                }
            }

            return text.ToString();
        }

        private static IEnumerable<(string, IRowAccumulator)> Accumulators()
        {
            yield return ("scalar", new ScalarRowAccumulator());
            yield return ("default", RowAccumulators.Best());
        }
    }
}
