using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using TorchSharp;

namespace Spiking.Edge.Trainer.Training;

/// <summary>
/// Resumable training checkpoints. One file: the 8-byte magic "SECKPT01", a length-prefixed UTF-8 JSON header
/// (format version, finished epochs and their metrics, training options including the shuffle seed, the training
/// algorithm's state between epochs (ST-RSBP's boosting weights; empty otherwise), and the <see cref="ModelRecipe"/>: model kind and configuration including the initialisation seed), the model parameters (TorchSharp state-dict format), the Adam state
/// (moments and step counts), and the 4-byte trailer "SEND". Written to a temporary file and renamed, so a crash
/// never leaves a half-written checkpoint. No generator state is needed: the shuffle of epoch e depends only on
/// (seed, e) and the model has no stochastic layers.
/// </summary>
public static class Checkpoint
{
    private const int FormatVersion = 2;
    private static readonly byte[] Magic = "SECKPT01"u8.ToArray();
    private static readonly byte[] Trailer = "SEND"u8.ToArray();
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    /// <summary>Writes the trainer's state to <paramref name="path"/> (temp file, then rename).</summary>
    /// <param name="trainer">Trainer to save.</param>
    /// <param name="path">Destination file.</param>
    public static void Save(TrainingLoop trainer, string path)
    {
        ArgumentNullException.ThrowIfNull(trainer);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var model = trainer.Model;
        var header = new CheckpointHeader(FormatVersion, trainer.CompletedEpochs, trainer.Options, ModelRecipe.Of(model), [.. trainer.History], trainer.Method.SaveState());
        var full = Path.GetFullPath(path);
        var temp = full + ".tmp-" + Guid.NewGuid().ToString("N");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            using (var writer = new BinaryWriter(stream, Encoding.UTF8))
            {
                writer.Write(Magic);
                writer.Write(JsonSerializer.Serialize(header, Json));
                model.save(writer);
                ((TorchSharp.Modules.OptimizerHelper)trainer.Optimizer).save_state_dict(writer);
                writer.Write(Trailer);
                writer.Flush();
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    /// <summary>Rebuilds the model and trainer saved in <paramref name="path"/>; training continues with the next epoch.</summary>
    /// <param name="path">Checkpoint file.</param>
    /// <param name="epochs">Optional new total epoch count (to extend a finished run); null keeps the saved one.</param>
    /// <exception cref="InvalidDataException">The file is not a complete checkpoint of this format.</exception>
    public static TrainingLoop Load(string path, int? epochs = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var stream = File.OpenRead(path);
        using var reader = new BinaryReader(stream, Encoding.UTF8);
        var magic = reader.ReadBytes(Magic.Length);
        if (!magic.AsSpan().SequenceEqual(Magic))
        {
            throw new InvalidDataException($"{path}: not a Spiking.Edge training checkpoint (bad magic at byte 0).");
        }

        CheckpointHeader header;
        try
        {
            header = JsonSerializer.Deserialize<CheckpointHeader>(reader.ReadString(), Json)
                ?? throw new InvalidDataException($"{path}: empty checkpoint header at byte {Magic.Length}.");
        }
        catch (Exception e) when (e is JsonException or EndOfStreamException)
        {
            throw new InvalidDataException($"{path}: unreadable checkpoint header at byte {Magic.Length}: {e.Message}", e);
        }

        if (header.FormatVersion != FormatVersion)
        {
            throw new InvalidDataException($"{path}: checkpoint format version {header.FormatVersion}, this build reads {FormatVersion}.");
        }

        if (header.Model is null)
        {
            throw new InvalidDataException($"{path}: checkpoint header at byte {Magic.Length} has no model recipe.");
        }

        torch.nn.Module<torch.Tensor, torch.Tensor> model;
        try
        {
            model = header.Model.Build();
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
        var options = epochs is null ? header.Options : header.Options with { Epochs = epochs.Value };
        TrainingLoop? trainer = null;
        try
        {
            long offset = stream.Position;
            model.load(reader);
            offset = stream.Position;
            trainer = new TrainingLoop(model, options);
            ((TorchSharp.Modules.OptimizerHelper)trainer.Optimizer).load_state_dict(reader);
            offset = stream.Position;
            if (!reader.ReadBytes(Trailer.Length).AsSpan().SequenceEqual(Trailer))
            {
                throw new InvalidDataException($"{path}: checkpoint trailer missing at byte {offset} (truncated or corrupt file).");
            }

            try
            {
                trainer.Method.RestoreState(header.MethodState ?? []);
            }
            catch (InvalidDataException e)
            {
                throw new InvalidDataException($"{path}: {e.Message}", e);
            }

            trainer.Restore(header.CompletedEpochs, header.History);
            return trainer;
        }
        catch (EndOfStreamException e)
        {
            trainer?.Dispose();
            model.Dispose();
            throw new InvalidDataException($"{path}: checkpoint ends early at byte {stream.Position} (truncated file).", e);
        }
        catch
        {
            trainer?.Dispose();
            model.Dispose();
            throw;
        }
    }

    private sealed record CheckpointHeader(int FormatVersion, int CompletedEpochs, TrainingOptions Options, ModelRecipe? Model, EpochMetrics[] History, float[]? MethodState = null);
}
