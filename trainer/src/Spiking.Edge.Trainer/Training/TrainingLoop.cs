using System.Diagnostics;
using TorchSharp;
using static TorchSharp.torch;

namespace Spiking.Edge.Trainer.Training;

/// <summary>
/// Trains a classifier (a <see cref="Models.SpikingNetwork"/> of any cell, or an LSTM/GRU baseline: any module that
/// is an <see cref="IClassifier"/>) with Adam on the gradients of its <see cref="TrainingOptions.Algorithm"/> (BPTT on
/// cross-entropy of the logits by default): epochs over a seeded shuffle, one
/// dispose scope per training step and per evaluation batch, progress reports, per-epoch metrics and optional
/// checkpoints after every epoch (see <see cref="Checkpoint"/>; a resumed trainer continues with the next epoch).
/// </summary>
public sealed class TrainingLoop : IDisposable
{
    private readonly optim.Optimizer optimizer;
    private readonly Algorithms.IGradientMethod method;
    private readonly List<EpochMetrics> history = [];

    /// <summary>Creates a trainer; applies <see cref="TrainingOptions.Threads"/> to TorchSharp once, here.</summary>
    /// <param name="model">The network to train (its parameters are updated in place).</param>
    /// <param name="options">Validated options.</param>
    public TrainingLoop(nn.Module<Tensor, Tensor> model, TrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Classifier = Evaluator.AsClassifier(model);
        if (options.Threads > 0 && get_num_threads() != options.Threads)
        {
            set_num_threads(options.Threads);
        }

        Model = model;
        Options = options;
        method = Algorithms.GradientMethods.Create(model, options);
        optimizer = optim.Adam(model.parameters(), options.LearningRate, weight_decay: options.WeightDecay);
    }

    /// <summary>The network being trained.</summary>
    public nn.Module<Tensor, Tensor> Model { get; }

    /// <summary>The model's input and output sizes.</summary>
    public IClassifier Classifier { get; }

    /// <summary>The run's options.</summary>
    public TrainingOptions Options { get; }

    /// <summary>Epochs finished so far (including those before a resume).</summary>
    public int CompletedEpochs { get; private set; }

    /// <summary>Metrics of every finished epoch, in order.</summary>
    public IReadOnlyList<EpochMetrics> History => history;

    internal optim.Optimizer Optimizer => optimizer;

    internal Algorithms.IGradientMethod Method => method;

    /// <summary>
    /// Trains from epoch <see cref="CompletedEpochs"/> + 1 up to <see cref="TrainingOptions.Epochs"/>; after each epoch
    /// evaluates <paramref name="validation"/> (when given) and writes a checkpoint to <paramref name="checkpointPath"/> (when given).
    /// </summary>
    /// <param name="train">Training data.</param>
    /// <param name="validation">Validation data or null.</param>
    /// <param name="progress">Receives a report every <see cref="TrainingOptions.LogInterval"/> batches.</param>
    /// <param name="checkpointPath">Checkpoint file rewritten after every epoch, or null.</param>
    /// <param name="cancellationToken">Checked between batches.</param>
    /// <returns>The metrics of all finished epochs (<see cref="History"/>).</returns>
    public IReadOnlyList<EpochMetrics> Fit(
        IBatchSource train,
        IBatchSource? validation = null,
        IProgress<TrainingProgress>? progress = null,
        string? checkpointPath = null,
        CancellationToken cancellationToken = default)
    {
        while (CompletedEpochs < Options.Epochs)
        {
            RunEpoch(train, validation, progress, cancellationToken);
            if (checkpointPath is not null)
            {
                Checkpoint.Save(this, checkpointPath);
            }
        }

        return History;
    }

    /// <summary>Trains one epoch (number <see cref="CompletedEpochs"/> + 1), then evaluates <paramref name="validation"/>.</summary>
    /// <param name="train">Training data.</param>
    /// <param name="validation">Validation data or null.</param>
    /// <param name="progress">Progress receiver or null.</param>
    /// <param name="cancellationToken">Checked between batches.</param>
    public EpochMetrics RunEpoch(IBatchSource train, IBatchSource? validation = null, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        Evaluator.CheckInputSize(Model, train);
        if (train.Count == 0)
        {
            throw new ArgumentException("The training set is empty.", nameof(train));
        }

        var epoch = CompletedEpochs + 1;
        var clock = Stopwatch.StartNew();
        var order = EpochShuffle.Order(train.Count, Options.Seed, epoch);
        var buffers = new BatchBuffers(train, Options.TicksPerSample);
        var batches = (order.Length + Options.BatchSize - 1) / Options.BatchSize;
        double lossSum = 0;
        long correct = 0;
        var seen = 0;
        Model.train();
        for (var batch = 0; batch < batches; batch++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var start = batch * Options.BatchSize;
            var count = Math.Min(Options.BatchSize, order.Length - start);
            SetLearningRate(LearningRates.At(Options, epoch, batch, batches));
            var (loss, batchCorrect) = TrainStep(buffers, order, start, count);
            lossSum += loss * count;
            correct += batchCorrect;
            seen += count;
            if (progress is not null && ((batch + 1) % Options.LogInterval == 0 || batch + 1 == batches))
            {
                progress.Report(new TrainingProgress(epoch, Options.Epochs, batch + 1, batches, lossSum / seen, seen / Math.Max(clock.Elapsed.TotalSeconds, 1e-9)));
            }
        }

        method.EndEpoch(epoch);
        EvaluationResult? validationResult = validation is null ? null : Evaluate(validation, cancellationToken);
        var metrics = new EpochMetrics(epoch, lossSum / seen, (double)correct / seen, validationResult?.Loss, validationResult?.Accuracy, clock.Elapsed.TotalSeconds);
        history.Add(metrics);
        CompletedEpochs = epoch;
        return metrics;
    }

    /// <summary>Evaluates the model on <paramref name="source"/> with this run's batch size and T.</summary>
    /// <param name="source">Data.</param>
    /// <param name="cancellationToken">Checked between batches.</param>
    public EvaluationResult Evaluate(IBatchSource source, CancellationToken cancellationToken = default) =>
        Evaluator.Evaluate(Model, source, Options.BatchSize, Options.TicksPerSample, cancellationToken);

    /// <summary>Frees the optimizer state and the gradient method.</summary>
    public void Dispose()
    {
        optimizer.Dispose();
        method.Dispose();
    }

    internal void Restore(int completedEpochs, IEnumerable<EpochMetrics> finished)
    {
        CompletedEpochs = completedEpochs;
        history.Clear();
        history.AddRange(finished);
    }

    /// <summary>The learning rate of the most recent training step.</summary>
    public double CurrentLearningRate { get; private set; }

    private void SetLearningRate(double rate)
    {
        if (rate == CurrentLearningRate)
        {
            return;
        }

        foreach (var group in optimizer.ParamGroups)
        {
            group.LearningRate = rate;
        }

        CurrentLearningRate = rate;
    }

    private (double Loss, long Correct) TrainStep(BatchBuffers buffers, int[] order, int start, int count)
    {
        using var scope = NewDisposeScope();
        var (frames, labels) = buffers.Load(order, start, count);
        Evaluator.CheckLabels(buffers.LastLabels, Classifier.OutputSize, start);
        using var guard = NativeCallGuard.Enter();
        optimizer.zero_grad();
        var step = method.ComputeGradients(frames, labels, order.AsSpan(start, count));
        if (Options.GradientClipNorm > 0)
        {
            nn.utils.clip_grad_norm_(Model.parameters(), Options.GradientClipNorm);
        }

        optimizer.step();
        method.AfterStep();
        return (step.Loss, step.Correct);
    }
}
