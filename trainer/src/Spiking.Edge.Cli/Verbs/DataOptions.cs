using System.CommandLine;
using Spiking.Edge.Devices.Transforms;
using Spiking.Edge.Trainer.Data;
using Spiking.Edge.Trainer.Pipeline;

namespace Spiking.Edge.Cli.Verbs;

/// <summary>The data flags shared by train, eval and export: --data, --limit, --encoding, --rate-gain, --transform.</summary>
internal sealed class DataOptions
{
    public Option<string> Data { get; } = new("--data") { Description = "Folder of labelled recordings (Train/<label>/<event file>, Test/...; any event format, e.g. N-MNIST) or folder of MNIST / Fashion-MNIST IDX files (converted to events by --encoding).", Required = true };

    public Option<int> Limit { get; } = new("--limit") { Description = "Use at most this many samples.", DefaultValueFactory = _ => int.MaxValue };

    public Option<string?> Encoding { get; } = new("--encoding") { Description = "How IDX images become events: saccade (34×34×2 simulated saccades) or rate (Poisson, image size, one polarity). Default: the checkpoint's, else saccade." };

    public Option<double?> RateGain { get; } = new("--rate-gain") { Description = "Rate coding: spike probability per tick of a white pixel, (0, 1]. Default: the checkpoint's, else 1." };

    public Option<string?> Transform { get; } = new("--transform") { Description = "Recorded events: preprocessing applied to every sample when loaded, e.g. downsample:34x34 or crop:128x128,downsample:34x34,polarity:merge (elements crop, downsample, denoise, refractory, polarity; see devices/src/Spiking.Edge.Devices/Transforms/README.md). The network input is the transform's output geometry. Default: the checkpoint's or model file's; a different one is refused." };

    public void AddTo(Command command)
    {
        command.Add(Data);
        command.Add(Limit);
        command.Add(Encoding);
        command.Add(RateGain);
        command.Add(Transform);
    }

    /// <summary>
    /// The encoding the flags ask for, falling back to <paramref name="saved"/> (a checkpoint's) or the default. The
    /// transform is the saved one; a --transform that differs from it is refused when <paramref name="savedFrom"/>
    /// names where it was recorded ("checkpoint", "model file"), as is any --transform when nothing was recorded.
    /// </summary>
    public InputEncoding EncodingOf(ParseResult parse, InputEncoding? saved = null, string? savedFrom = null)
    {
        savedFrom ??= saved is null ? null : "checkpoint";
        saved ??= new InputEncoding();
        string? flag = parse.GetValue(Transform);
        string? transform = flag is null ? saved.Transform : EventTransformSpec.Normalize(flag);
        if (savedFrom is not null && transform != saved.Transform)
        {
            throw new CliException($"--transform {transform} differs from the {savedFrom}'s {(saved.Transform is null ? "(no transform)" : saved.Transform)}: the network takes its data the way it was trained (omit --transform to re-apply it)");
        }

        var encoding = new InputEncoding(parse.GetValue(Encoding) ?? saved.Kind, parse.GetValue(RateGain) ?? saved.RateGain) { Transform = transform, Augment = saved.Augment };
        try
        {
            encoding.Validate();
        }
        catch (ArgumentException e)
        {
            throw new CliException($"--encoding/--rate-gain: {e.Message}");
        }

        return encoding;
    }

    /// <summary>Opens the split as a <see cref="SampleSet"/> (images stay pixels until a batch needs them).</summary>
    public SampleSet Open(ParseResult parse, string split, int seed, InputEncoding encoding, InputTiming timing)
    {
        string folder = parse.GetValue(Data)!;
        CliFiles.RequireDirectory(folder, "--data");
        try
        {
            return DataSource.Open(folder, split, encoding, timing, seed, CliChecks.Positive(parse.GetValue(Limit), "--limit"));
        }
        catch (TransformSpecException e)
        {
            throw new CliException($"--transform: {e.Message}");
        }
    }

    public static string CheckSplit(string split) =>
        split.Equals("Train", StringComparison.OrdinalIgnoreCase) || split.Equals("Test", StringComparison.OrdinalIgnoreCase)
            ? split
            : throw new CliException($"--split must be Train or Test, found '{split}'");
}
