using System.Globalization;
using System.Text.Json;
using Spiking.Edge.Runtime.Events;
using Spiking.Edge.Runtime.Kernels;
using Spiking.Edge.TestSupport;

namespace Spiking.Edge.Runtime.Tests.Conformance;

/// <summary>
/// The event-driven runtime reproduces every vector of model-format/spec/conformance/ (README there): spike counts of
/// every layer, membrane sums, predicted class, SynOps, neuron updates and the input counters. The trainer's integer
/// simulation runs the same files in Spiking.Edge.Trainer.Tests/Conformance.
/// </summary>
public class ConformanceVectorTests
{
    private static string Folder => Path.Combine(TestPaths.RepoRoot, "model-format", "spec", "conformance");

    public static TheoryData<string> Vectors()
    {
        var data = new TheoryData<string>();
        foreach (string path in Directory.GetFiles(Folder, "*.expected.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(path)[..^".expected.json".Length]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Runtime_with_the_scalar_accumulator_reproduces_the_vector(string name)
    {
        Check(name, new ScalarRowAccumulator());
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Runtime_with_the_default_accumulator_reproduces_the_vector(string name)
    {
        Check(name, null);
    }

    [Fact]
    public void The_worked_example_vector_is_present()
    {
        Assert.True(File.Exists(Path.Combine(Folder, "worked_example.expected.json")), $"conformance vectors missing in {Folder}");
    }

    private static void Check(string name, IRowAccumulator? accumulator)
    {
        byte[] model = File.ReadAllBytes(Path.Combine(Folder, name + ".model"));
        Event[] events = ReadEvents(Path.Combine(Folder, name + ".events.csv"));
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, name + ".expected.json")));
        JsonElement expected = json.RootElement;

        Network network = accumulator is null ? Network.Load(model) : Network.Load(model, accumulator);
        network.BeginSample(expected.GetProperty("window_start_microseconds").GetInt64());
        network.PushEvents(events, 0, events.Length);
        network.FinishSample();

        var differences = new List<string>();
        void Compare(string what, long want, long got)
        {
            if (want != got)
            {
                differences.Add($"{name}: {what}: expected {want}, runtime {got}");
            }
        }

        JsonElement layers = expected.GetProperty("layers");
        Compare("layer count", layers.GetArrayLength(), network.LayerCount);
        for (int l = 0; l < Math.Min(layers.GetArrayLength(), network.LayerCount); l++)
        {
            JsonElement counts = layers[l].GetProperty("spike_counts");
            Compare($"layer {l} size", counts.GetArrayLength(), network.GetLayerOutputSize(l));
            for (int o = 0; o < Math.Min(counts.GetArrayLength(), network.GetLayerOutputSize(l)); o++)
            {
                Compare($"layer {l} neuron {o} spike count", counts[o].GetInt64(), network.GetSpikeCount(l, o));
            }
        }

        JsonElement sums = expected.GetProperty("membrane_sums");
        for (int o = 0; o < Math.Min(sums.GetArrayLength(), network.OutputSize); o++)
        {
            Compare($"output neuron {o} membrane sum", sums[o].GetInt64(), network.GetMembraneSum(o));
        }

        Compare("predicted class", expected.GetProperty("predicted_class").GetInt64(), network.PredictedClass);
        Compare("synops", expected.GetProperty("synops").GetInt64(), network.SynOps);
        Compare("neuron updates", expected.GetProperty("neuron_updates").GetInt64(), network.NeuronUpdates);
        JsonElement counters = expected.GetProperty("counters");
        Compare("events accepted", counters.GetProperty("events_accepted").GetInt64(), network.EventsAccepted);
        Compare("events outside window", counters.GetProperty("events_outside_window").GetInt64(), network.EventsOutsideWindow);
        Compare("events out of geometry", counters.GetProperty("events_out_of_geometry").GetInt64(), network.EventsOutOfGeometry);
        Compare("events out of order", counters.GetProperty("events_out_of_order").GetInt64(), network.EventsOutOfOrder);
        Compare("events over tick budget", counters.GetProperty("events_over_tick_budget").GetInt64(), network.EventsOverTickBudget);
        Assert.True(differences.Count == 0, string.Join("\n", differences));
    }

    private static Event[] ReadEvents(string path)
    {
        string[] lines = File.ReadAllLines(path);
        Assert.True(lines.Length > 0 && lines[0] == "x,y,p,t", $"{path}: line 1 must be the header 'x,y,p,t'");
        var events = new Event[lines.Length - 1];
        for (int n = 1; n < lines.Length; n++)
        {
            string[] f = lines[n].Split(',');
            Assert.True(f.Length == 4, $"{path}: line {n + 1} has {f.Length} fields, expected 4");
            events[n - 1] = new Event(
                ushort.Parse(f[0], CultureInfo.InvariantCulture),
                ushort.Parse(f[1], CultureInfo.InvariantCulture),
                byte.Parse(f[2], CultureInfo.InvariantCulture),
                long.Parse(f[3], CultureInfo.InvariantCulture));
        }

        return events;
    }
}
