using System.CommandLine;
using Spiking.Edge.Devices;
using Spiking.Edge.Host.Running;
using Spiking.Edge.Runtime.Format;

namespace Spiking.Edge.Host.App;

/// <summary>
/// The <c>spiking-edge</c> command: <c>run --model M --source S [options]</c>, the same options as <c>spiking run
/// --source</c>. Usage errors: one line on stderr, exit 2; failures: one line, exit 1; success: 0.
/// </summary>
internal static class HostApp
{
    public const int ExitOk = 0;
    public const int ExitFailure = 1;
    public const int ExitUsage = 2;

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var model = new Option<string>("--model") { Description = "Model file to run (.semodel).", Required = true };
        var scalar = new Option<bool>("--scalar") { Description = "Use the portable scalar kernels (as on a microcontroller) instead of SIMD." };
        var host = new HostCommandOptions(sourceRequired: true);
        var run = new Command("run", "Classify a live or recorded event stream window by window, printing each prediction with its latency, work and energy estimate.");
        run.Add(model);
        host.AddTo(run);
        run.Add(scalar);
        run.SetAction(parse =>
        {
            using var cancellation = new ConsoleCancellation();
            HostRun.Execute(host.Read(parse, parse.GetValue(model)!, parse.GetValue(scalar)), output, cancellation.Token);
            return ExitOk;
        });
        var root = new RootCommand("spiking-edge: run a Spiking.Edge model on an event camera, a serial link or a recording.") { run };

        ParseResult parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            string verb = parse.CommandResult.Command == root ? "spiking-edge" : "spiking-edge " + parse.CommandResult.Command.Name;
            error.WriteLine($"{verb}: {string.Join(" ", parse.Errors.Select(e => e.Message))} (see '{verb} --help')");
            return ExitUsage;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception ex) when (ex is ArgumentException or IOException or UnauthorizedAccessException or InvalidDataException
            or EventStreamException or ModelFormatException or OperationCanceledException)
        {
            error.WriteLine("spiking-edge: " + ex.Message.ReplaceLineEndings(" ").Trim());
            return ExitFailure;
        }
    }
}
