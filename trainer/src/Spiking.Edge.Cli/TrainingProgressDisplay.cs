using Spectre.Console;
using Spiking.Edge.Trainer.Training;

namespace Spiking.Edge.Cli;

/// <summary>
/// Shows training progress: an animated Spectre.Console bar on a terminal, one plain line per epoch otherwise
/// (logs, CI, tests), so redirected output stays readable.
/// </summary>
internal static class TrainingProgressDisplay
{
    public static T Run<T>(CliContext context, string title, Func<IProgress<TrainingProgress>, T> work)
    {
        if (!context.Interactive)
        {
            return work(new PlainProgress(context.Output));
        }

        T result = default!;
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(title);
                result = work(new Progress(task));
            });
        return result;
    }

    private sealed class Progress(ProgressTask task) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value)
        {
            task.MaxValue = (double)value.Epochs * value.Batches;
            task.Value = ((double)(value.Epoch - 1) * value.Batches) + value.Batch;
            task.Description = $"epoch {value.Epoch}/{value.Epochs}  loss {value.Loss:F3}  {value.SamplesPerSecond:F0} samples/s";
        }
    }

    private sealed class PlainProgress(TextWriter output) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value)
        {
            if (value.Batch == value.Batches)
            {
                output.WriteLine($"  epoch {value.Epoch}/{value.Epochs}: loss {value.Loss:F4}, {value.SamplesPerSecond:F0} samples/s");
            }
        }
    }
}
