using System.Diagnostics;
using Spiking.Edge.Runtime.Kernels;
using Spiking.Edge.Trainer.Data;
using Spiking.Edge.Trainer.Models;
using Spiking.Edge.Trainer.Training;

namespace Spiking.Edge.Trainer.Pipeline;

/// <summary>
/// The walking skeleton end to end: images → saccade events → LIF network trained with surrogate-gradient BPTT →
/// pruned int8 model file → float, integer-simulation and edge-runtime accuracy on held-out events.
/// Each stage is a component of its own; this class only sequences them.
/// </summary>
public static class DemoPipeline
{
    /// <summary>File names written into <see cref="DemoOptions.OutputFolder"/>.</summary>
    public const string ModelFileName = "demo-model.semodel";

    /// <summary>Per-epoch metrics.</summary>
    public const string MetricsFileName = "metrics.csv";

    /// <summary>Learning curve.</summary>
    public const string PlotFileName = "learning-curve.png";

    /// <summary>Runs the demo.</summary>
    /// <param name="options">Settings.</param>
    /// <param name="stages">Receives a line when a stage starts.</param>
    /// <param name="training">Receives training progress.</param>
    /// <param name="accumulator">The runtime's row kernel.</param>
    /// <param name="cancellationToken">Checked between batches.</param>
    public static DemoReport Run(DemoOptions options, IProgress<string>? stages, IProgress<TrainingProgress>? training, IRowAccumulator accumulator, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(accumulator);
        var clock = Stopwatch.StartNew();
        Directory.CreateDirectory(options.OutputFolder);

        stages?.Report($"Converting {options.TrainSamples:N0} + {options.TestSamples:N0} images to events by simulated saccades");
        EventDataset all = DataSource.Load(options.DataFolder, "Train", options.Saccades, options.TrainSamples);
        EventDataset test = DataSource.Load(options.DataFolder, "Test", options.Saccades, options.TestSamples);
        (EventDataset train, EventDataset validation) = all.Split(0.1, options.Seed);
        double convertSeconds = clock.Elapsed.TotalSeconds;

        stages?.Report($"Training {string.Join('-', new[] { train.Width * train.Height * train.Polarities }.Concat(options.Hidden).Append(train.ClassCount))} LIF network for {options.Epochs} epochs on {train.Samples.Count:N0} samples");
        var trainClock = Stopwatch.StartNew();
        using var network = new SpikingNetwork(NetworkConfig.LifMlp(train.Width * train.Height * train.Polarities, options.Hidden, train.ClassCount, seed: options.Seed));
        var trainingOptions = new TrainingOptions
        {
            Epochs = options.Epochs,
            BatchSize = options.BatchSize,
            LearningRate = options.LearningRate,
            Seed = options.Seed,
            Threads = options.Threads,
            TicksPerSample = options.Timing.TicksPerSample,
            TickMicroseconds = options.Timing.TickMicroseconds,
        };
        using var trainer = new TrainingLoop(network, trainingOptions);
        var history = trainer.Fit(new EventBatchSource(train, options.Timing), new EventBatchSource(validation, options.Timing), training, null, cancellationToken);
        MetricsWriter.Write(history, Path.Combine(options.OutputFolder, MetricsFileName));
        LearningCurvePlot.Save(history, Path.Combine(options.OutputFolder, PlotFileName));
        double trainSeconds = trainClock.Elapsed.TotalSeconds;

        stages?.Report($"Evaluating the float network on {test.Samples.Count:N0} held-out samples");
        double floatAccuracy = trainer.Evaluate(new EventBatchSource(test, options.Timing), cancellationToken).Accuracy;

        stages?.Report($"Pruning {options.PruneFraction:P0}, quantizing to int{options.Bits}, exporting, and running the integer simulation and the edge runtime");
        var request = new ExportRequest(options.PruneFraction, options.Bits, "fashion-mnist subset (saccade events)", options.Seed, options.Epochs);
        ExportResult export = ModelExport.Run(network, options.Timing, test, request, accumulator, Path.Combine(options.OutputFolder, ModelFileName), floatAccuracy);

        double events = test.Samples.Average(s => (double)s.Events.Length);
        return new DemoReport(
            floatAccuracy,
            export.Check.IntegerAccuracy,
            export.Check.EdgeAccuracy,
            export.Check.EdgeMatchesInteger,
            export.Bytes.LongLength,
            export.WeightSparsity,
            export.Check.SynOpsPerSample,
            events,
            export.Check.EdgeMillisecondsPerSample,
            train.Samples.Count,
            test.Samples.Count,
            options.Epochs,
            convertSeconds,
            trainSeconds,
            clock.Elapsed.TotalSeconds,
            export.Path);
    }
}
