using static TorchSharp.torch;

namespace Spiking.Edge.Trainer.Training;

/// <summary>Evaluates a model on a data set: accuracy, mean loss, confusion matrix. One dispose scope per batch, no gradients.</summary>
public static class Evaluator
{
    /// <summary>Runs the model on every sample of <paramref name="source"/> in order.</summary>
    /// <param name="model">The network (switched to eval mode for the call and restored afterwards).</param>
    /// <param name="source">Data; its <see cref="IBatchSource.InputSize"/> must equal the model's.</param>
    /// <param name="batchSize">Samples per batch (≥ 1).</param>
    /// <param name="ticksPerSample">T (≥ 1).</param>
    /// <param name="cancellationToken">Checked between batches.</param>
    public static EvaluationResult Evaluate(nn.Module<Tensor, Tensor> model, IBatchSource source, int batchSize, int ticksPerSample, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ticksPerSample);
        var classes = CheckInputSize(model, source);
        var confusion = new int[classes, classes];
        var order = Enumerable.Range(0, source.Count).ToArray();
        var buffers = new BatchBuffers(source, ticksPerSample);
        double lossSum = 0;
        long correct = 0;
        var wasTraining = model.training;
        model.eval();
        try
        {
            using var noGrad = no_grad();
            for (var start = 0; start < order.Length; start += batchSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var count = Math.Min(batchSize, order.Length - start);
                using var scope = NewDisposeScope();
                var (frames, labels) = buffers.Load(order, start, count);
                CheckLabels(buffers.LastLabels, classes, start);
                using var guard = NativeCallGuard.Enter();
                var logits = model.forward(frames);
                lossSum += nn.functional.cross_entropy(logits, labels, reduction: nn.Reduction.Sum).item<float>();
                var predicted = logits.argmax(1).data<long>().ToArray();
                for (var b = 0; b < count; b++)
                {
                    var truth = (int)buffers.LastLabels[b];
                    confusion[truth, predicted[b]]++;
                    if (truth == predicted[b])
                    {
                        correct++;
                    }
                }
            }
        }
        finally
        {
            model.train(wasTraining);
        }

        var n = order.Length;
        return new EvaluationResult(n == 0 ? 0 : (double)correct / n, n == 0 ? 0 : lossSum / n, n, confusion);
    }

    /// <summary>Checks that <paramref name="source"/> fits <paramref name="model"/> and returns the model's class count.</summary>
    internal static int CheckInputSize(nn.Module<Tensor, Tensor> model, IBatchSource source)
    {
        var classifier = AsClassifier(model);
        if (source.InputSize != classifier.InputSize)
        {
            throw new ArgumentException($"Data has {source.InputSize} inputs per tick but the model expects {classifier.InputSize}.", nameof(source));
        }

        return classifier.OutputSize;
    }

    /// <summary>The model's <see cref="IClassifier"/> view, or a one-line error naming its type.</summary>
    internal static IClassifier AsClassifier(nn.Module<Tensor, Tensor> model) =>
        model as IClassifier ?? throw new ArgumentException($"model type {model.GetType().Name} does not implement {nameof(IClassifier)}", nameof(model));

    internal static void CheckLabels(long[] labels, int classes, int firstPosition)
    {
        for (var b = 0; b < labels.Length; b++)
        {
            if (labels[b] < 0 || labels[b] >= classes)
            {
                throw new InvalidDataException($"Label {labels[b]} at position {firstPosition + b} is outside 0..{classes - 1}.");
            }
        }
    }
}
