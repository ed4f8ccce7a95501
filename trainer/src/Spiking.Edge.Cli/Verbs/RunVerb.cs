using System.CommandLine;
using System.Diagnostics;
using Spiking.Edge.Devices.Formats.NMnist;
using Spiking.Edge.Host.Running;
using Spiking.Edge.Runtime;
using Spiking.Edge.Runtime.Accelerators;
using Spiking.Edge.Runtime.Events;

namespace Spiking.Edge.Cli.Verbs;

/// <summary>
/// `spiking run --model M INPUT...`: classifies N-MNIST-format event files with the edge runtime, one line per file.
/// A file inside a folder named after a class label (N-MNIST layout) also gets its true label and an accuracy line.
/// `spiking run --model M --source S [options]`: classifies a live or recorded stream window by window through
/// Spiking.Edge.Host (the same options as `spiking-edge run`).
/// </summary>
internal static class RunVerb
{
    public static Command Create(CliContext context)
    {
        var model = new Option<FileInfo>("--model") { Description = "Model file to run.", Required = true };
        var inputs = new Argument<string[]>("inputs") { Description = "Event files (.bin, N-MNIST format) or folders searched recursively for them (or use --source).", Arity = ArgumentArity.ZeroOrMore };
        var scalar = new Option<bool>("--scalar") { Description = "Use the portable scalar kernels (as on a microcontroller) instead of SIMD." };
        var host = new HostCommandOptions(sourceRequired: false);
        var command = new Command("run", "Classify event files with the edge runtime and print per-file predictions, or a stream (--source) window by window.") { model, inputs, scalar };
        host.AddTo(command);
        command.SetAction(parse =>
        {
            string modelPath = parse.GetValue(model)!.FullName;
            string[] inputPaths = parse.GetValue(inputs) ?? [];
            if (parse.GetValue(host.Source) is not null)
            {
                if (inputPaths.Length > 0)
                {
                    throw new CliException($"give event files or --source, not both (got '{inputPaths[0]}' and --source)");
                }

                CliFiles.RequireFile(modelPath, "--model");
                using var cancellation = new ConsoleCancellation();
                HostRun.Execute(host.Read(parse, modelPath, parse.GetValue(scalar)), context.Output, cancellation.Token);
                return CliApp.ExitOk;
            }

            if (host.FirstSourceOnlyOptionGiven(parse) is { } sourceOnly)
            {
                throw new CliException($"{sourceOnly} applies to --source runs only");
            }

            if (inputPaths.Length == 0)
            {
                throw new CliException("give event files or folders to classify, or --source SPEC (file:PATH, genx320:..., serial:PORT,...)");
            }

            var (definition, bytes) = CliFiles.ReadModel(modelPath, "--model");
            var network = Network.Load(bytes, parse.GetValue(scalar) ? new Spiking.Edge.Runtime.Kernels.ScalarRowAccumulator() : RowAccumulators.Best());
            var files = ExpandInputs(inputPaths);
            int correct = 0, labelled = 0;
            long synOps = 0;
            var clock = Stopwatch.StartNew();
            context.Output.WriteLine("file\tprediction\tlabel\tevents\tsynops");
            foreach (string file in files)
            {
                Event[] events = NMnistFile.Read(file);
                network.BeginSample(0);
                network.PushEvents(events, 0, events.Length);
                network.FinishSample();
                int predicted = network.PredictedClass;
                string name = predicted < definition.Labels.Count ? definition.Labels[predicted] : predicted.ToString(System.Globalization.CultureInfo.InvariantCulture);
                string truth = Path.GetFileName(Path.GetDirectoryName(file)) ?? "";
                int truthIndex = definition.Labels.IndexOf(truth);
                if (truthIndex >= 0)
                {
                    labelled++;
                    correct += truthIndex == predicted ? 1 : 0;
                }

                synOps += network.SynOps;
                context.Output.WriteLine($"{file}\t{name}\t{(truthIndex >= 0 ? truth : "-")}\t{network.EventsAccepted}\t{network.SynOps}");
            }

            clock.Stop();
            if (labelled > 0)
            {
                context.Output.WriteLine($"accuracy {100.0 * correct / labelled:F2} % ({correct}/{labelled} labelled files)");
            }

            context.Output.WriteLine($"{files.Count} files, {synOps / Math.Max(1, files.Count):N0} SynOps per file, {clock.Elapsed.TotalMilliseconds / Math.Max(1, files.Count):F3} ms per file");
            return CliApp.ExitOk;
        });
        return command;
    }

    private static List<string> ExpandInputs(IEnumerable<string> inputs)
    {
        var files = new List<string>();
        foreach (string input in inputs)
        {
            if (Directory.Exists(input))
            {
                var found = Directory.EnumerateFiles(input, "*.bin", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
                if (found.Count == 0)
                {
                    throw new CliException($"input folder '{input}' holds no .bin event files");
                }

                files.AddRange(found);
            }
            else
            {
                CliFiles.RequireFile(input, "input");
                files.Add(input);
            }
        }

        return files;
    }
}
