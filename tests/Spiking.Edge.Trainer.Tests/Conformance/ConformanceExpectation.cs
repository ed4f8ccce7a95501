using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Spiking.Edge.Trainer.Tests.Conformance;

/// <summary>The content of <c>&lt;name&gt;.expected.json</c> (model-format/spec/conformance/README.md).</summary>
internal sealed record ConformanceExpectation(
    int Format,
    string Name,
    string Description,
    long WindowStartMicroseconds,
    IReadOnlyList<ConformanceLayerCounts> Layers,
    long[] MembraneSums,
    int PredictedClass,
    long Synops,
    long NeuronUpdates,
    ConformanceCounters Counters)
{
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        NewLine = "\n",
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json) + "\n";

    public static ConformanceExpectation FromJson(string text, string source) =>
        JsonSerializer.Deserialize<ConformanceExpectation>(text, Json) ?? throw new InvalidDataException($"{source}: empty expectation");

    /// <summary>Field-by-field comparison; empty when equal.</summary>
    public IEnumerable<string> Differences(ConformanceExpectation other)
    {
        if (Layers.Count != other.Layers.Count)
        {
            yield return $"layer count {Layers.Count} vs {other.Layers.Count}";
            yield break;
        }

        for (int l = 0; l < Layers.Count; l++)
        {
            long[] a = Layers[l].SpikeCounts, b = other.Layers[l].SpikeCounts;
            for (int o = 0; o < Math.Max(a.Length, b.Length); o++)
            {
                long x = o < a.Length ? a[o] : -1, y = o < b.Length ? b[o] : -1;
                if (x != y)
                {
                    yield return $"layer {l} neuron {o}: spike count {x} vs {y}";
                }
            }
        }

        for (int o = 0; o < Math.Max(MembraneSums.Length, other.MembraneSums.Length); o++)
        {
            long x = o < MembraneSums.Length ? MembraneSums[o] : long.MinValue, y = o < other.MembraneSums.Length ? other.MembraneSums[o] : long.MinValue;
            if (x != y)
            {
                yield return $"output neuron {o}: membrane sum {x} vs {y}";
            }
        }

        if (PredictedClass != other.PredictedClass)
        {
            yield return $"predicted class {PredictedClass} vs {other.PredictedClass}";
        }

        if (Synops != other.Synops)
        {
            yield return $"synops {Synops} vs {other.Synops}";
        }

        if (NeuronUpdates != other.NeuronUpdates)
        {
            yield return $"neuron updates {NeuronUpdates} vs {other.NeuronUpdates}";
        }

        if (Counters != other.Counters)
        {
            yield return $"counters {Counters} vs {other.Counters}";
        }
    }
}

/// <summary>Spike counts of one layer over the sample.</summary>
internal sealed record ConformanceLayerCounts(long[] SpikeCounts);

/// <summary>The input counters of semantics §2.</summary>
internal sealed record ConformanceCounters(long EventsAccepted, long EventsOutsideWindow, long EventsOutOfGeometry, long EventsOutOfOrder, long EventsOverTickBudget);
