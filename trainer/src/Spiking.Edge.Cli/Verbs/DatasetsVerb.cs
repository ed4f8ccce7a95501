using System.CommandLine;
using Spiking.Edge.Trainer.Data;

namespace Spiking.Edge.Cli.Verbs;

/// <summary>`spiking datasets list | download NAME`: fetch official archives with checksum verification and resume.</summary>
internal static class DatasetsVerb
{
    public static Command Create(CliContext context)
    {
        var list = new Command("list", "List the data sets that can be downloaded.");
        list.SetAction(_ =>
        {
            foreach (var d in DatasetCatalog.All)
            {
                context.Output.WriteLine($"{d.Name}\t{d.Description}");
            }

            return CliApp.ExitOk;
        });

        var name = new Argument<string>("name") { Description = "nmnist or fashion-mnist." };
        var to = new Option<string>("--to") { Description = "Destination folder.", DefaultValueFactory = _ => "datasets" };
        var sources = new Option<string[]>("--source") { Description = "Override a file's source: FILE=URL (http, https or file://). Repeatable.", AllowMultipleArgumentsPerToken = true };
        var download = new Command("download", "Download a data set's official archives, verify checksums, resume partial downloads.") { name, to, sources };
        download.SetAction(async (parse, cancellation) =>
        {
            string dataset = parse.GetValue(name)!;
            var overrides = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (string pair in parse.GetValue(sources) ?? [])
            {
                int eq = pair.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0)
                {
                    throw new CliException($"--source '{pair}' is not FILE=URL");
                }

                overrides[pair[..eq]] = pair[(eq + 1)..];
            }

            string destination = Path.Combine(parse.GetValue(to)!, dataset);
            var progress = new SynchronousProgress<DownloadProgress>(p =>
            {
                if (p.Stage != "Downloading")
                {
                    context.Output.WriteLine($"{p.FileName}: {p.Stage}");
                }
            });
            await new DatasetDownloader().DownloadAsync(dataset, destination, progress, cancellation, overrides.Count > 0 ? overrides : null);
            context.Output.WriteLine($"{dataset} ready in {destination}");
            return CliApp.ExitOk;
        });

        return new Command("datasets", "List and download data sets.") { list, download };
    }
}
