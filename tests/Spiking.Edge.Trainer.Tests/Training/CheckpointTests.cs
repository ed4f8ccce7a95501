using Spiking.Edge.Trainer.Baselines;
using Spiking.Edge.Trainer.Cells;
using Spiking.Edge.Trainer.Models;
using Spiking.Edge.Trainer.Tests.Cells;
using Spiking.Edge.Trainer.Training;

namespace Spiking.Edge.Trainer.Tests.Training;


[Collection("TorchSharp")]
public sealed class CheckpointTests : IDisposable
{
    private const int Ticks = 8;
    private readonly string folder = Directory.CreateTempSubdirectory("h5-checkpoint-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static TrainingOptions Options(int epochs) =>
        new() { Epochs = epochs, BatchSize = 16, LearningRate = 5e-3, Seed = 11, TicksPerSample = Ticks };

    private static float[][] Parameters(TorchSharp.torch.nn.Module model) => model.parameters().Select(TensorAssert.Values).ToArray();

    [Fact]
    public void Resuming_from_a_checkpoint_gives_the_same_parameters_as_an_uninterrupted_run()
    {
        var train = SyntheticSpikes.Create(160, Ticks, seed: 1);
        using var uninterruptedModel = new SpikingNetwork(NetworkConfig.LifMlp(SyntheticSpikes.InputSize, [12], SyntheticSpikes.Classes, seed: 2));
        using var uninterrupted = new TrainingLoop(uninterruptedModel, Options(3));
        uninterrupted.Fit(train);

        var path = Path.Combine(folder, "run.ckpt");
        using (var firstModel = new SpikingNetwork(NetworkConfig.LifMlp(SyntheticSpikes.InputSize, [12], SyntheticSpikes.Classes, seed: 2)))
        using (var first = new TrainingLoop(firstModel, Options(1)))
        {
            first.Fit(train, checkpointPath: path);
        }

        using var resumed = Checkpoint.Load(path, epochs: 3);
        Assert.Equal(1, resumed.CompletedEpochs);
        resumed.Fit(train);

        Assert.Equal(3, resumed.CompletedEpochs);
        Assert.Equal(Parameters(uninterruptedModel), Parameters(resumed.Model));
        Assert.Equal(uninterrupted.History.Select(m => m.TrainLoss), resumed.History.Select(m => m.TrainLoss));
        Assert.Equal(Options(3), resumed.Options);
        Assert.Single(Directory.GetFiles(folder));
    }

    [Fact]
    public void File_without_the_magic_is_refused_naming_byte_0()
    {
        var path = Path.Combine(folder, "bad.ckpt");
        File.WriteAllBytes(path, "not a checkpoint"u8.ToArray());
        var error = Assert.Throws<InvalidDataException>(() => Checkpoint.Load(path));
        Assert.Contains("bad magic at byte 0", error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_checkpoint_is_refused()
    {
        var path = Path.Combine(folder, "run.ckpt");
        using (var model = new SpikingNetwork(NetworkConfig.LifMlp(SyntheticSpikes.InputSize, [12], SyntheticSpikes.Classes, seed: 2)))
        using (var trainer = new TrainingLoop(model, Options(1)))
        {
            Checkpoint.Save(trainer, path);
        }

        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length - 3)]);
        var error = Assert.Throws<InvalidDataException>(() => Checkpoint.Load(path));
        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string> ModelKinds => ["src-dense", "cuba-reservoir", "ssnu", "lee", "gru", "lstm"];

    [Theory]
    [MemberData(nameof(ModelKinds))]
    public void Every_model_kind_comes_back_from_a_checkpoint_with_the_same_parameters_and_logits(string kind)
    {
        var train = SyntheticSpikes.Create(32, Ticks, seed: 4);
        var path = Path.Combine(folder, kind + ".ckpt");
        float[][] saved;
        float[] logits;
        using var frames = TorchSharp.torch.rand(Ticks, 3, SyntheticSpikes.InputSize).lt(0.3).to_type(TorchSharp.torch.ScalarType.Float32);
        using (var model = Build(kind))
        using (var trainer = new TrainingLoop(model, Options(1)))
        {
            trainer.Fit(train, checkpointPath: path);
            saved = Parameters(model);
            model.eval();
            using var output = model.forward(frames);
            logits = TensorAssert.Values(output);
        }

        using var resumed = Checkpoint.Load(path);
        Assert.Equal(saved, Parameters(resumed.Model));
        resumed.Model.eval();
        using var again = resumed.Model.forward(frames);
        Assert.Equal(logits, TensorAssert.Values(again));
        Assert.Equal(Build(kind).GetType(), resumed.Model.GetType());
    }

    [Fact]
    public void A_checkpoint_of_another_format_version_is_refused_naming_both_versions()
    {
        var path = Path.Combine(folder, "old.ckpt");
        using (var model = Build("lee"))
        using (var trainer = new TrainingLoop(model, Options(1)))
        {
            Checkpoint.Save(trainer, path);
        }

        var bytes = File.ReadAllBytes(path);
        string text = System.Text.Encoding.UTF8.GetString(bytes);
        int at = text.IndexOf("\"FormatVersion\":2", StringComparison.Ordinal);
        Assert.True(at > 0);
        bytes[at + "\"FormatVersion\":".Length] = (byte)'1';
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<InvalidDataException>(() => Checkpoint.Load(path));
        Assert.Contains("format version 1, this build reads 2", error.Message, StringComparison.Ordinal);
    }

    private static TorchSharp.torch.nn.Module<TorchSharp.torch.Tensor, TorchSharp.torch.Tensor> Build(string kind) => kind switch
    {
        "gru" => new RecurrentBaseline(RecurrentBaselineKind.Gru, SyntheticSpikes.InputSize, 8, 2, SyntheticSpikes.Classes, seed: 5),
        "lstm" => new RecurrentBaseline(RecurrentBaselineKind.Lstm, SyntheticSpikes.InputSize, 8, 1, SyntheticSpikes.Classes, seed: 5),
        _ => new SpikingNetwork(new NetworkConfig
        {
            InputSize = SyntheticSpikes.InputSize,
            Layers = kind switch
            {
                "src-dense" => [new LayerConfig { Cell = CellKind.Src, Size = 10, Recurrence = Recurrence.Dense }],
                "cuba-reservoir" => [new LayerConfig { Cell = CellKind.CubaLif, Size = 12, Recurrence = Recurrence.Reservoir }],
                "ssnu" => [new LayerConfig { Cell = CellKind.Ssnu, Size = 10 }, new LayerConfig { Cell = CellKind.Snu, Size = 10 }],
                _ => [new LayerConfig { Cell = CellKind.LeeLif, Size = 10 }],
            },
            OutputSize = SyntheticSpikes.Classes,
            Seed = 5,
        }),
    };
}
