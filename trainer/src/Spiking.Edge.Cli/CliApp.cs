using System.CommandLine;
using Spiking.Edge.Cli.Verbs;

namespace Spiking.Edge.Cli;

/// <summary>
/// The `spiking` command: one class per verb (Verbs/), parse errors and failures reported as one line on stderr
/// with a non-zero exit code (2 for usage errors, 1 for failures), 0 on success.
/// </summary>
internal static class CliApp
{
    public const int ExitOk = 0;
    public const int ExitFailure = 1;
    public const int ExitUsage = 2;

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("Spiking.Edge: train spiking neural networks, export int8 sparse models, run them event by event on the edge.");
        var context = new CliContext(output, error);
        root.Add(DemoVerb.Create(context));
        root.Add(TrainVerb.Create(context));
        root.Add(EvalVerb.Create(context));
        root.Add(ExportVerb.Create(context));
        root.Add(InspectVerb.Create(context));
        root.Add(RunVerb.Create(context));
        root.Add(DatasetsVerb.Create(context));
        root.Add(ConvertVerb.Create(context));
        root.Add(EventsVerb.Create(context));

        ParseResult parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            string verb = CommandPath(parse.CommandResult);
            error.WriteLine($"{verb}: {string.Join(" ", parse.Errors.Select(e => e.Message))} (see '{verb} --help')");
            return ExitUsage;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception ex) when (ErrorReporter.IsUserFacing(ex))
        {
            error.WriteLine("spiking: " + ErrorReporter.OneLine(ex));
            return ExitFailure;
        }
    }

    /// <summary>The full command path of a parse result, e.g. "spiking events render".</summary>
    private static string CommandPath(System.CommandLine.Parsing.CommandResult result)
    {
        var names = new List<string>();
        for (System.CommandLine.Parsing.SymbolResult? node = result; node is not null; node = node.Parent)
        {
            if (node is System.CommandLine.Parsing.CommandResult command)
            {
                names.Insert(0, command.Parent is null ? "spiking" : command.Command.Name);
            }
        }

        return string.Join(' ', names);
    }
}
