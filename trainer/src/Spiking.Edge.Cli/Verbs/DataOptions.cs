using System.CommandLine;
using Spiking.Edge.Devices.Conversion;
using Spiking.Edge.Trainer.Data;
using Spiking.Edge.Trainer.Pipeline;

namespace Spiking.Edge.Cli.Verbs;

/// <summary>The data flags shared by train, eval and export: --data, --split, --limit, --seed (saccade sensor).</summary>
internal sealed class DataOptions
{
    public Option<string> Data { get; } = new("--data") { Description = "N-MNIST folder (Train/<digit>/*.bin, Test/...) or folder of MNIST / Fashion-MNIST IDX files (converted to events by saccades).", Required = true };

    public Option<int> Limit { get; } = new("--limit") { Description = "Use at most this many samples.", DefaultValueFactory = _ => int.MaxValue };

    public void AddTo(Command command)
    {
        command.Add(Data);
        command.Add(Limit);
    }

    public EventDataset Load(ParseResult parse, string split, int seed)
    {
        string folder = parse.GetValue(Data)!;
        CliFiles.RequireDirectory(folder, "--data");
        return DataSource.Load(folder, split, new SaccadeOptions { Seed = seed }, CliChecks.Positive(parse.GetValue(Limit), "--limit"));
    }

    public static string CheckSplit(string split) =>
        split.Equals("Train", StringComparison.OrdinalIgnoreCase) || split.Equals("Test", StringComparison.OrdinalIgnoreCase)
            ? split
            : throw new CliException($"--split must be Train or Test, found '{split}'");
}
