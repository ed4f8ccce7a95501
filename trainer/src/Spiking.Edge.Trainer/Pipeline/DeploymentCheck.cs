using System.Diagnostics;
using System.Globalization;
using Spiking.Edge.ModelFormat;
using Spiking.Edge.Runtime;
using Spiking.Edge.Runtime.Events;
using Spiking.Edge.Runtime.Kernels;
using Spiking.Edge.Trainer.Data;
using Spiking.Edge.Trainer.IntegerModel;

namespace Spiking.Edge.Trainer.Pipeline;

/// <summary>
/// Runs an exported model file two ways on the same labelled events — the trainer's dense integer simulation and the
/// event-driven edge runtime — and compares them bit for bit (architecture.md, Contract 2): every spike count of every
/// layer, the readout membrane sums, the prediction and the SynOps of every sample.
/// </summary>
public static class DeploymentCheck
{
    /// <summary>Evaluates <paramref name="modelBytes"/> on <paramref name="data"/> with both implementations.</summary>
    /// <param name="modelBytes">The model file's bytes.</param>
    /// <param name="data">Labelled event samples (geometry must match the model).</param>
    /// <param name="windowStartMicroseconds">Time origin of every sample (semantics §2).</param>
    /// <param name="accumulator">The runtime's row kernel (scalar or SIMD).</param>
    /// <param name="batchSize">Samples per integer-simulation batch.</param>
    public static DeploymentCheckResult Run(byte[] modelBytes, EventDataset data, long windowStartMicroseconds, IRowAccumulator accumulator, int batchSize = 64)
    {
        ArgumentNullException.ThrowIfNull(modelBytes);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        if (data.Samples.Count == 0)
        {
            throw new ArgumentException("nothing to evaluate: the data set is empty");
        }

        var model = ModelReader.FromBytes(modelBytes, "exported model");
        var network = Network.Load(modelBytes, accumulator);
        if (network.InputWidth != data.Width || network.InputHeight != data.Height || network.InputPolarities < 1)
        {
            throw new ArgumentException(
                $"the model expects {network.InputWidth}×{network.InputHeight} input, the data is {data.Width}×{data.Height}");
        }

        using var simulation = new IntegerSimulation(model);
        int n = data.Samples.Count;
        int integerCorrect = 0, edgeCorrect = 0, mismatched = 0;
        string firstMismatch = "";
        long synOps = 0;
        var edgePredictions = new int[n];
        var edgeClock = new Stopwatch();
        for (int start = 0; start < n; start += batchSize)
        {
            int count = Math.Min(batchSize, n - start);
            var batch = new Event[count][];
            for (int b = 0; b < count; b++)
            {
                batch[b] = data.Samples[start + b].Events;
            }

            IntegerSimulationResult expected = simulation.Run(batch, windowStartMicroseconds);
            for (int b = 0; b < count; b++)
            {
                int label = data.Samples[start + b].Label;
                Event[] events = batch[b];
                edgeClock.Start();
                network.BeginSample(windowStartMicroseconds);
                network.PushEvents(events, 0, events.Length);
                network.FinishSample();
                edgeClock.Stop();
                edgePredictions[start + b] = network.PredictedClass;
                integerCorrect += expected.Predictions[b] == label ? 1 : 0;
                edgeCorrect += network.PredictedClass == label ? 1 : 0;
                synOps += network.SynOps;
                string difference = FindDifference(network, expected, b);
                if (difference.Length > 0)
                {
                    mismatched++;
                    if (firstMismatch.Length == 0)
                    {
                        firstMismatch = $"sample {start + b}: {difference}";
                    }
                }
            }
        }

        return new DeploymentCheckResult(
            n,
            (double)integerCorrect / n,
            (double)edgeCorrect / n,
            mismatched == 0,
            mismatched,
            firstMismatch,
            (double)synOps / n,
            edgeClock.Elapsed.TotalMilliseconds / n,
            edgePredictions);
    }

    private static string FindDifference(Network network, IntegerSimulationResult expected, int b)
    {
        for (int layer = 0; layer < network.LayerCount; layer++)
        {
            long[,] counts = expected.SpikeCounts[layer];
            for (int o = 0; o < network.GetLayerOutputSize(layer); o++)
            {
                if (network.GetSpikeCount(layer, o) != counts[b, o])
                {
                    return string.Create(CultureInfo.InvariantCulture, $"layer {layer} neuron {o} spike count edge {network.GetSpikeCount(layer, o)} vs integer {counts[b, o]}");
                }
            }
        }

        for (int o = 0; o < network.OutputSize; o++)
        {
            if (network.GetMembraneSum(o) != expected.MembraneSums[b, o])
            {
                return string.Create(CultureInfo.InvariantCulture, $"output {o} membrane sum edge {network.GetMembraneSum(o)} vs integer {expected.MembraneSums[b, o]}");
            }
        }

        if (network.PredictedClass != expected.Predictions[b])
        {
            return string.Create(CultureInfo.InvariantCulture, $"prediction edge {network.PredictedClass} vs integer {expected.Predictions[b]}");
        }

        return network.SynOps != expected.SynOps[b]
            ? string.Create(CultureInfo.InvariantCulture, $"SynOps edge {network.SynOps} vs integer {expected.SynOps[b]}")
            : "";
    }
}
