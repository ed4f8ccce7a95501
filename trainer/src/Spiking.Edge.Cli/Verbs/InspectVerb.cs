using System.CommandLine;
using Spiking.Edge.ModelFormat;

namespace Spiking.Edge.Cli.Verbs;

/// <summary>`spiking inspect MODEL`: layers, sizes, sparsity, quantization and provenance of a model file.</summary>
internal static class InspectVerb
{
    public static Command Create(CliContext context)
    {
        var model = new Argument<FileInfo>("model") { Description = "Model file written by 'spiking export' or 'spiking demo'." };
        var command = new Command("inspect", "Print a model file's layers, sizes, sparsity, quantization and provenance.") { model };
        command.SetAction(parse =>
        {
            FileInfo file = parse.GetValue(model)!;
            var (loaded, bytes) = CliFiles.ReadModel(file.FullName, "model");
            // The edge runtime must accept it too: inspect reports what the device would say.
            var network = Spiking.Edge.Runtime.Network.Load(bytes);
            context.Output.Write(ModelInspector.Describe(loaded, file.Length));
            context.Output.WriteLine($"Edge runtime: loads; state arena {network.RequiredArenaBytes:N0} bytes.");
            return CliApp.ExitOk;
        });
        return command;
    }
}
