using Spiking.Edge.Trainer.Models;
using Spiking.Edge.Trainer.Training;
using TorchSharp;

namespace Spiking.Edge.Trainer.Tests.Training;


[Collection("TorchSharp")]
public class TrainingLoopTests
{
    private const int Ticks = 10;

    private static SpikingNetwork TinyNetwork(long seed = 3) => new(NetworkConfig.LifMlp(SyntheticSpikes.InputSize, [16], SyntheticSpikes.Classes, seed: seed));

    private static TrainingOptions Options(int epochs) =>
        new() { Epochs = epochs, BatchSize = 16, LearningRate = 1e-2, Seed = 5, TicksPerSample = Ticks, LogInterval = 5 };

    [Fact]
    public void A_tiny_network_learns_a_separable_spiking_task_far_above_chance()
    {
        var train = SyntheticSpikes.Create(480, Ticks, seed: 1);
        var test = SyntheticSpikes.Create(200, Ticks, seed: 2);
        using var model = TinyNetwork();
        using var trainer = new TrainingLoop(model, Options(4));
        var history = trainer.Fit(train, test);

        var result = trainer.Evaluate(test);
        Assert.Equal(4, history.Count);
        Assert.True(result.Accuracy > 0.9, $"accuracy {result.Accuracy:P1} (chance 25 %)");
        Assert.True(history[^1].TrainLoss < history[0].TrainLoss, $"loss {history[0].TrainLoss} → {history[^1].TrainLoss}");
        Assert.Equal(result.Accuracy, history[^1].ValidationAccuracy);
    }

    [Fact]
    public void Live_tensor_count_does_not_grow_over_100_training_steps()
    {
        var train = SyntheticSpikes.Create(16 * 100, Ticks, seed: 1);
        using var model = TinyNetwork();
        using var trainer = new TrainingLoop(model, Options(2) with { LogInterval = 100 });
        trainer.RunEpoch(train);

        // The counter is live: one more tensor shows, its disposal takes it back.
        var before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        using (var probe = torch.zeros(1))
        {
            Assert.Equal(before + 1, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
        }

        var afterFirstEpoch = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        trainer.RunEpoch(train);
        var afterSecondEpoch = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        Assert.Equal(afterFirstEpoch, afterSecondEpoch);
    }

    [Fact]
    public void Progress_is_reported_every_log_interval_and_after_the_last_batch()
    {
        var train = SyntheticSpikes.Create(16 * 12, Ticks, seed: 1);
        using var model = TinyNetwork();
        using var trainer = new TrainingLoop(model, Options(1));
        var reports = new List<TrainingProgress>();
        trainer.RunEpoch(train, progress: new SynchronousProgress(reports.Add));
        Assert.Equal(new[] { 5, 10, 12 }, reports.Select(r => r.Batch));
        Assert.All(reports, r => Assert.Equal((1, 1, 12), (r.Epoch, r.Epochs, r.Batches)));
        Assert.All(reports, r => Assert.True(r.Loss > 0 && r.SamplesPerSecond > 0));
    }

    [Fact]
    public void Evaluation_confusion_matrix_counts_every_sample_and_its_diagonal_gives_the_accuracy()
    {
        var data = SyntheticSpikes.Create(37, Ticks, seed: 4);
        using var model = TinyNetwork();
        var result = Evaluator.Evaluate(model, data, batchSize: 8, Ticks);
        var total = 0;
        var diagonal = 0;
        for (var i = 0; i < SyntheticSpikes.Classes; i++)
        {
            for (var j = 0; j < SyntheticSpikes.Classes; j++)
            {
                total += result.Confusion[i, j];
            }

            diagonal += result.Confusion[i, i];
        }

        Assert.Equal((37, 37), (total, result.SampleCount));
        Assert.Equal((double)diagonal / 37, result.Accuracy, 12);
        Assert.True(result.Loss > 0);
    }

    [Fact]
    public void Labels_outside_the_model_classes_are_refused_with_their_position()
    {
        var data = new ArrayBatchSource(new float[3 * Ticks * SyntheticSpikes.InputSize], [0, 1, 9], Ticks, SyntheticSpikes.InputSize);
        using var model = TinyNetwork();
        var error = Assert.Throws<InvalidDataException>(() => Evaluator.Evaluate(model, data, 8, Ticks));
        Assert.Contains("Label 9 at position 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Data_with_another_input_size_is_refused()
    {
        var data = new ArrayBatchSource(new float[2 * Ticks * 5], [0, 1], Ticks, 5);
        using var model = TinyNetwork();
        using var trainer = new TrainingLoop(model, Options(1));
        var error = Assert.Throws<ArgumentException>(() => trainer.RunEpoch(data));
        Assert.Contains("5 inputs per tick but the model expects 24", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(nameof(TrainingOptions.Epochs))]
    [InlineData(nameof(TrainingOptions.BatchSize))]
    [InlineData(nameof(TrainingOptions.LearningRate))]
    [InlineData(nameof(TrainingOptions.Threads))]
    [InlineData(nameof(TrainingOptions.TicksPerSample))]
    [InlineData(nameof(TrainingOptions.LogInterval))]
    [InlineData(nameof(TrainingOptions.WeightDecay))]
    [InlineData(nameof(TrainingOptions.Schedule))]
    public void Invalid_options_are_refused_naming_the_field(string field)
    {
        var options = field switch
        {
            nameof(TrainingOptions.Epochs) => new TrainingOptions { Epochs = 0 },
            nameof(TrainingOptions.BatchSize) => new TrainingOptions { BatchSize = -3 },
            nameof(TrainingOptions.LearningRate) => new TrainingOptions { LearningRate = double.NaN },
            nameof(TrainingOptions.Threads) => new TrainingOptions { Threads = -1 },
            nameof(TrainingOptions.TicksPerSample) => new TrainingOptions { TicksPerSample = 0 },
            nameof(TrainingOptions.WeightDecay) => new TrainingOptions { WeightDecay = -1e-4 },
            nameof(TrainingOptions.Schedule) => new TrainingOptions { Schedule = (LearningRateSchedule)7 },
            _ => new TrainingOptions { LogInterval = 0 },
        };
        using var model = TinyNetwork();
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new TrainingLoop(model, options));
        Assert.Equal(field, error.ParamName);
    }

    [Fact]
    public void A_cosine_schedule_lowers_the_optimizer_rate_during_the_run_and_a_constant_one_keeps_it()
    {
        var train = SyntheticSpikes.Create(16 * 4, Ticks, seed: 1);
        using var model = TinyNetwork();
        using var cosine = new TrainingLoop(model, Options(2) with { Schedule = LearningRateSchedule.Cosine });
        cosine.RunEpoch(train);
        Assert.Equal(LearningRates.At(cosine.Options, 1, 3, 4), cosine.CurrentLearningRate, 12);
        Assert.Equal(1e-2 * 0.5 * (1 + Math.Cos(Math.PI * 3.0 / 8)), cosine.CurrentLearningRate, 12);
        Assert.All(cosine.Optimizer.ParamGroups, g => Assert.Equal(cosine.CurrentLearningRate, g.LearningRate, 12));

        using var other = TinyNetwork();
        using var constant = new TrainingLoop(other, Options(2));
        constant.RunEpoch(train);
        constant.RunEpoch(train);
        Assert.Equal(1e-2, constant.CurrentLearningRate);
    }

    private sealed class SynchronousProgress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
