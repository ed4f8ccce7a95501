using Spiking.Edge.ModelFormat;
using Spiking.Edge.ModelFormat.Proto;
using Spiking.Edge.Runtime.Events;
using Spiking.Edge.Trainer.IntegerModel;

namespace Spiking.Edge.Trainer.Tests.IntegerModel;

/// <summary>
/// The event-driven runtime (scalar accumulator) and the dense integer simulation agree bit for bit on seeded random
/// models and event streams: every spike count of every layer, every membrane sum, every prediction, SynOps.
/// </summary>
[Collection("TorchSharp")]
public class BitExactTests
{
    private const int SeedsPerCase = 3;
    private const int SamplesPerModel = 4;

    public static TheoryData<string, double> Cases()
    {
        var data = new TheoryData<string, double>();
        foreach (string shape in Shapes.Keys)
        {
            foreach (double sparsity in new[] { 0.0, 0.5, 0.9, 0.99 })
            {
                data.Add(shape, sparsity);
            }
        }

        return data;
    }

    private static readonly Dictionary<string, (int Width, int Height, int Polarities, int[] Sizes)> Shapes = new()
    {
        ["20-7-3"] = (5, 2, 2, [7, 3]),
        ["2312-64-10"] = (34, 34, 2, [64, 10]),
        ["50-30-20-5"] = (5, 5, 2, [30, 20, 5]),
        ["64merged-16-4"] = (8, 8, 1, [16, 4]),
        ["30-6"] = (3, 5, 2, [6]),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Runtime_and_simulation_agree_on_every_count_sum_prediction_and_synops(string shape, double sparsity)
    {
        for (int s = 0; s < SeedsPerCase; s++)
        {
            // Stable seeds (HashCode.Combine would change from run to run): a failure names its seed, and RunCase repeats it.
            int seed = (StableHash(shape) * 7919) + ((int)Math.Round(sparsity * 100) * 31) + s;
            CaseOutcome outcome = RunCase(shape, sparsity, seed);
            Assert.True(outcome.Differences.Length == 0, outcome.Differences);
        }
    }

    [Fact]
    public void Random_models_cover_all_three_encodings_and_fire_in_every_layer()
    {
        var encodings = new HashSet<WeightEncoding>();
        foreach (string shape in Shapes.Keys)
        {
            foreach (double sparsity in new[] { 0.0, 0.5, 0.99 })
            {
                CaseOutcome outcome = RunCase(shape, sparsity, seed: 17);
                Assert.True(outcome.Differences.Length == 0, outcome.Differences);
                encodings.UnionWith(outcome.Encodings);
                if (sparsity == 0.0)
                {
                    for (int l = 0; l < outcome.LifLayerSpikes.Length; l++)
                    {
                        Assert.True(outcome.LifLayerSpikes[l] != 0, $"{shape}: LIF layer {l} never fired; the test would prove nothing there");
                    }
                }
            }
        }

        Assert.Equal(new[] { WeightEncoding.Dense, WeightEncoding.Csr, WeightEncoding.Bitmap }.Order(), encodings.Order());
    }

    [Fact]
    public void Events_over_the_tick_budget_and_saturated_membranes_agree()
    {
        var options = new RandomModelOptions(5, 2, 2, [3], 0.0, ReadoutMode.MembraneSum, Ticks: 3);
        Model model = RandomModelFactory.Create(5, options);
        Layer layer = model.Layers[0];
        var weights = new sbyte[20 * 3];
        Array.Fill(weights, (sbyte)127);
        weights[(7 * 3) + 1] = -127;
        layer.Weights = WeightCodec.Encode(weights, 20, 3, 8);
        layer.Bias.Clear();
        layer.Bias.AddRange([500_000, -500_000, 0]);
        layer.Neuron = NeuronModel.Lif;
        layer.Reset = ResetMode.None;
        layer.Comparison = ThresholdComparison.GreaterOrEqual;
        layer.Threshold.Clear();
        layer.Threshold.AddRange([8_388_607, 1, 4_000_000]);
        layer.LeakShift = 0;

        // 65,600 events of one pixel in tick 0 (65 over budget), then a burst at pixel 7 in tick 1.
        var events = new List<Event>();
        for (int n = 0; n < 65_600; n++)
        {
            events.Add(new Event(3, 1, 1, 10));
        }

        for (int n = 0; n < 70_000; n++)
        {
            events.Add(new Event(2, 1, 0, 1500));
        }

        byte[] bytes = ModelWriter.ToBytes(model);
        RuntimeOutcome runtime = RuntimeOutcome.RunAll(bytes, [events.ToArray()])[0];
        using var simulation = new IntegerSimulation(ModelReader.FromBytes(bytes, "budget"));
        IntegerSimulationResult result = simulation.Run([events.ToArray()]);

        Assert.Equal(65 + 4_465, runtime.EventsOverTickBudget);
        Assert.Equal(8_388_607L * 3, runtime.MembraneSums[0]);
        string differences = OutcomeComparer.Differences(runtime, result, 0, "budget");
        Assert.True(differences.Length == 0, differences);
    }

    private static int StableHash(string text)
    {
        int hash = 17;
        foreach (char c in text)
        {
            hash = unchecked((hash * 31) + c) & 0xFFFFF;
        }

        return hash;
    }

    internal static CaseOutcome RunCase(string shape, double sparsity, int seed)
    {
        (int width, int height, int polarities, int[] sizes) = Shapes[shape];
        var random = new Random(seed);
        ReadoutMode readout = random.Next(2) == 0 ? ReadoutMode.SpikeCount : ReadoutMode.MembraneSum;
        bool leakyReadout = readout == ReadoutMode.MembraneSum && random.Next(2) == 0;
        var options = new RandomModelOptions(width, height, polarities, sizes, sparsity, readout, Ticks: random.Next(5, 16), TickMicroseconds: random.Next(1, 4) * 500, LeakyIntegratorReadout: leakyReadout);
        Model model = RandomModelFactory.Create(seed, options);
        byte[] bytes = ModelWriter.ToBytes(model);
        long t0 = random.Next(2) == 0 ? 0 : random.Next(1, 100_000);
        int eventCount = Math.Min(3000, width * height * polarities * 4);
        var samples = new Event[SamplesPerModel][];
        for (int n = 0; n < samples.Length; n++)
        {
            samples[n] = RandomEventStream.Create(random, width, height, polarities, options.TickMicroseconds, options.Ticks, eventCount, t0);
        }

        RuntimeOutcome[] runtime = RuntimeOutcome.RunAll(bytes, samples, t0);
        using var simulation = new IntegerSimulation(ModelReader.FromBytes(bytes, shape));
        IntegerSimulationResult result = simulation.Run(samples, t0);

        string context = $"shape {shape}, sparsity {sparsity}, seed {seed}, readout {readout}";
        string differences = string.Concat(Enumerable.Range(0, samples.Length).Select(n => OutcomeComparer.Differences(runtime[n], result, n, context)));
        var lifSpikes = new long[model.Layers.Count];
        for (int l = 0; l < lifSpikes.Length; l++)
        {
            lifSpikes[l] = model.Layers[l].Neuron == NeuronModel.Lif ? runtime.Sum(r => (long)r.SpikeCounts[l].Sum()) : 1;
        }

        return new CaseOutcome(differences, model.Layers.Select(l => l.Weights.Encoding).ToArray(), lifSpikes);
    }

    internal sealed record CaseOutcome(string Differences, WeightEncoding[] Encodings, long[] LifLayerSpikes);
}
