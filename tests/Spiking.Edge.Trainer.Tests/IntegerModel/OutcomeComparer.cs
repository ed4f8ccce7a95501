using System.Text;
using Spiking.Edge.Trainer.IntegerModel;

namespace Spiking.Edge.Trainer.Tests.IntegerModel;

/// <summary>Lists every difference between the runtime and the integer simulation for one sample.</summary>
internal static class OutcomeComparer
{
    /// <summary>Empty when the two agree on every spike count, membrane sum, prediction and SynOps.</summary>
    public static string Differences(RuntimeOutcome runtime, IntegerSimulationResult simulation, int sample, string context, int maxLines = 10)
    {
        var text = new StringBuilder();
        int lines = 0;
        void Report(string line)
        {
            if (lines++ < maxLines)
            {
                text.AppendLine($"{context}, sample {sample}: {line}");
            }
        }

        for (int l = 0; l < runtime.SpikeCounts.Length; l++)
        {
            for (int o = 0; o < runtime.SpikeCounts[l].Length; o++)
            {
                long expected = runtime.SpikeCounts[l][o];
                long actual = simulation.SpikeCounts[l][sample, o];
                if (expected != actual)
                {
                    Report($"layer {l} neuron {o}: runtime spike count {expected}, simulation {actual}");
                }
            }
        }

        for (int o = 0; o < runtime.MembraneSums.Length; o++)
        {
            if (runtime.MembraneSums[o] != simulation.MembraneSums[sample, o])
            {
                Report($"output neuron {o}: runtime membrane sum {runtime.MembraneSums[o]}, simulation {simulation.MembraneSums[sample, o]}");
            }
        }

        if (runtime.PredictedClass != simulation.Predictions[sample])
        {
            Report($"runtime predicts {runtime.PredictedClass}, simulation {simulation.Predictions[sample]}");
        }

        if (runtime.SynOps != simulation.SynOps[sample])
        {
            Report($"runtime SynOps {runtime.SynOps}, simulation {simulation.SynOps[sample]}");
        }

        if (runtime.NeuronUpdates != simulation.NeuronUpdatesPerSample)
        {
            Report($"runtime neuron updates {runtime.NeuronUpdates}, simulation {simulation.NeuronUpdatesPerSample}");
        }

        if (lines > maxLines)
        {
            text.AppendLine($"{context}, sample {sample}: … and {lines - maxLines} more differences");
        }

        return text.ToString();
    }
}
