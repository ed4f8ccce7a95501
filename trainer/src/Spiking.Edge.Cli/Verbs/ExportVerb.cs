using System.CommandLine;
using Spiking.Edge.Runtime.Accelerators;
using Spiking.Edge.Trainer.Models;
using Spiking.Edge.Trainer.Pipeline;
using Spiking.Edge.Trainer.Training;

namespace Spiking.Edge.Cli.Verbs;

/// <summary>
/// `spiking export`: checkpoint → pruned, quantized model file. Measures float, integer-simulation and edge-runtime
/// accuracy on the given split (written into the file's provenance) and checks edge and integer agree bit for bit.
/// With --nanoff-deploy it also writes the nanoff file-deployment JSON for a nanoFramework device (<see cref="NanoffDeployment"/>).
/// </summary>
internal static class ExportVerb
{
    public static Command Create(CliContext context)
    {
        var data = new DataOptions();
        var checkpoint = new Option<string>("--checkpoint") { Description = "Checkpoint written by 'spiking train' (<run>/checkpoint.seckpt).", Required = true };
        var output = new Option<string>("--out") { Description = "Model file to write.", Required = true };
        var split = new Option<string>("--split") { Description = "Split to measure accuracy on (Train or Test; Test is held out: report it once).", DefaultValueFactory = _ => "Test" };
        var prune = new Option<double>("--prune") { Description = "Fraction of weights pruned per layer before quantization.", DefaultValueFactory = _ => 0.5 };
        var bits = new Option<int>("--bits") { Description = "Weight bit width (2..8).", DefaultValueFactory = _ => 8 };
        var nanoffDeploy = new Option<bool>("--nanoff-deploy") { Description = "Also write <out>.nanoff.json, the file-deployment JSON of nanoff (nanoFramework), to copy the model to the device's storage." };
        var serialPort = new Option<string?>("--serial-port") { Description = "Serial port written into the nanoff JSON (e.g. COM3 or /dev/ttyUSB0); without it, give nanoff --serialport." };
        var devicePath = new Option<string?>("--device-path") { Description = $"Model path on the device's storage written into the nanoff JSON (default {NanoffDeployment.DefaultDevicePath})." };
        var command = new Command("export", "Prune and quantize a trained network and write the model file for the edge runtime.") { checkpoint, output, split, prune, bits, nanoffDeploy, serialPort, devicePath };
        data.AddTo(command);
        command.SetAction(parse =>
        {
            bool deploy = parse.GetValue(nanoffDeploy);
            string? port = parse.GetValue(serialPort);
            string? deviceFile = parse.GetValue(devicePath);
            NanoffDeployment.CheckFlags(deploy, port, deviceFile);
            string checkpointPath = parse.GetValue(checkpoint)!;
            CliFiles.RequireFile(checkpointPath, "--checkpoint");
            using var trainer = Checkpoint.Load(checkpointPath);
            using var model = trainer.Model;
            if (model is not SpikingNetwork network)
            {
                throw new CliException($"{checkpointPath}: {ModelFactory.Describe(model)} is a float baseline; only spiking networks export to the edge runtime");
            }

            var timing = new InputTiming(trainer.Options.TickMicroseconds, trainer.Options.TicksPerSample);
            var evaluation = data.Open(parse, DataOptions.CheckSplit(parse.GetValue(split)!), trainer.Options.Seed, data.EncodingOf(parse, trainer.Options.Encoding), timing).ToEvents();
            var request = new ExportRequest(parse.GetValue(prune), parse.GetValue(bits), Path.GetFileName(Path.GetFullPath(parse.GetValue(data.Data)!)), trainer.Options.Seed, trainer.CompletedEpochs)
            {
                Algorithm = ModelExport.ProvenanceAlgorithm(trainer.Options.Algorithm),
            };
            string path = parse.GetValue(output)!;
            CliFiles.EnsureParent(path);
            ExportResult result = ModelExport.Run(network, timing, evaluation, request, RowAccumulators.Best(), path);
            context.Output.WriteLine($"wrote {result.Path} ({result.Bytes.Length:N0} bytes, {result.WeightSparsity:P1} zero weights)");
            context.Output.WriteLine($"accuracy on {result.Check.SampleCount:N0} samples: float {result.FloatAccuracy:P2}, integer {result.Check.IntegerAccuracy:P2}, edge {result.Check.EdgeAccuracy:P2}");
            context.Output.WriteLine(result.Check.EdgeMatchesInteger ? "edge runtime and integer simulation agree bit for bit" : $"edge runtime and integer simulation DIFFER on {result.Check.MismatchedSamples} samples; first: {result.Check.FirstMismatch}");
            if (!result.Check.EdgeMatchesInteger)
            {
                return CliApp.ExitFailure;
            }

            if (deploy)
            {
                string json = NanoffDeployment.Write(result.Path, result.Bytes.Length, port, deviceFile, out string? warning);
                context.Output.WriteLine($"wrote {json} (deploy with: nanoff --filedeployment \"{json}\"{(port == null ? " --serialport PORT" : string.Empty)})");
                if (warning != null)
                {
                    context.Error.WriteLine("spiking export: warning: " + warning);
                }
            }

            return CliApp.ExitOk;
        });
        return command;
    }
}
