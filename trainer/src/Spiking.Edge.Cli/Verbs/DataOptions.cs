using System.CommandLine;
using Spiking.Edge.Trainer.Pipeline;

namespace Spiking.Edge.Cli.Verbs;

/// <summary>The data flags shared by train, eval and export: --data, --limit, --encoding, --rate-gain.</summary>
internal sealed class DataOptions
{
    public Option<string> Data { get; } = new("--data") { Description = "N-MNIST folder (Train/<digit>/*.bin, Test/...) or folder of MNIST / Fashion-MNIST IDX files (converted to events by --encoding).", Required = true };

    public Option<int> Limit { get; } = new("--limit") { Description = "Use at most this many samples.", DefaultValueFactory = _ => int.MaxValue };

    public Option<string?> Encoding { get; } = new("--encoding") { Description = "How IDX images become events: saccade (34×34×2 simulated saccades) or rate (Poisson, image size, one polarity). Default: the checkpoint's, else saccade." };

    public Option<double?> RateGain { get; } = new("--rate-gain") { Description = "Rate coding: spike probability per tick of a white pixel, (0, 1]. Default: the checkpoint's, else 1." };

    public void AddTo(Command command)
    {
        command.Add(Data);
        command.Add(Limit);
        command.Add(Encoding);
        command.Add(RateGain);
    }

    /// <summary>The encoding the flags ask for, falling back to <paramref name="saved"/> (a checkpoint's) or the default.</summary>
    public InputEncoding EncodingOf(ParseResult parse, InputEncoding? saved = null)
    {
        saved ??= new InputEncoding();
        var encoding = new InputEncoding(parse.GetValue(Encoding) ?? saved.Kind, parse.GetValue(RateGain) ?? saved.RateGain);
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
        return DataSource.Open(folder, split, encoding, timing, seed, CliChecks.Positive(parse.GetValue(Limit), "--limit"));
    }

    public static string CheckSplit(string split) =>
        split.Equals("Train", StringComparison.OrdinalIgnoreCase) || split.Equals("Test", StringComparison.OrdinalIgnoreCase)
            ? split
            : throw new CliException($"--split must be Train or Test, found '{split}'");
}
