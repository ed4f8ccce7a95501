using Spiking.Edge.ModelFormat;
using Spiking.Edge.ModelFormat.Proto;
using Spiking.Edge.Runtime.Events;
using Spiking.Edge.Trainer.Cells;
using Spiking.Edge.Trainer.Export;
using Spiking.Edge.Trainer.IntegerModel;
using Spiking.Edge.Trainer.Models;
using Spiking.Edge.Trainer.Quantization;
using Spiking.Edge.Trainer.Tests.IntegerModel;

namespace Spiking.Edge.Trainer.Tests.Export;

/// <summary>
/// The float specs the trainer's cells produce (<see cref="SpikingNetwork.ToSpec"/>) quantize and export to valid
/// format-1.1 models that the runtime and the integer simulation run bit for bit alike.
/// </summary>
[Collection("TorchSharp")]
public class CellExportTests
{
    private const int Width = 4, Height = 3, Polarities = 2, Ticks = 12;

    private static readonly Dictionary<string, (LayerConfig[] Layers, NetworkReadout Readout)> Networks = new()
    {
        ["lif recurrent"] = ([new() { Cell = CellKind.Lif, Size = 10, Recurrence = Recurrence.Dense }], NetworkReadout.MembraneSum),
        ["lee lateral inhibition"] = ([new() { Cell = CellKind.LeeLif, Size = 10 }, new() { Cell = CellKind.LeeLif, Size = 3, Recurrence = Recurrence.LateralInhibition }], NetworkReadout.SpikeCount),
        ["cuba recurrent"] = ([new() { Cell = CellKind.CubaLif, Size = 10, Recurrence = Recurrence.Dense, CubaLif = new CubaLifOptions { Threshold = 1f } }], NetworkReadout.MembraneSum),
        ["snu then ssnu"] = ([new() { Cell = CellKind.Snu, Size = 10, Snu = new SnuOptions { Activation = StateActivation.LeakyRelu, ResetScope = ResetScope.Layer } }, new() { Cell = CellKind.Ssnu, Size = 6, Recurrence = Recurrence.Dense }], NetworkReadout.MembraneSum),
        ["src chain"] = ([new() { Cell = CellKind.Lif, Size = 10 }, new() { Cell = CellKind.Src, Size = 6, Recurrence = Recurrence.Dense }, new() { Cell = CellKind.Src, Size = 3 }], NetworkReadout.SpikeCount),
    };

    public static TheoryData<string> NetworkNames() => [.. Networks.Keys];

    [Theory]
    [MemberData(nameof(NetworkNames))]
    public void Cell_specs_export_to_models_the_runtime_and_the_simulation_run_alike(string name)
    {
        (LayerConfig[] layers, NetworkReadout readout) = Networks[name];
        var config = new NetworkConfig { InputSize = Width * Height * Polarities, Layers = layers, OutputSize = 3, Readout = readout, Seed = 7 };
        using var network = new SpikingNetwork(config);
        FloatNetworkSpec spec = network.ToSpec(Width, Height, Polarities, 1000, Ticks, ["a", "b", "c"]);
        var provenance = new ProvenanceInfo("cells", "untrained", "random", 0, 0, 7UL, 0, DateTime.UnixEpoch, "test");
        byte[] bytes = ModelWriter.ToBytes(ModelExporter.ToModel(Quantizer.Quantize(spec), spec, provenance));

        var random = new Random(name.Length);
        Event[][] samples = [.. Enumerable.Range(0, 3).Select(_ => RandomEventStream.Create(random, Width, Height, Polarities, 1000, Ticks, 300))];
        RuntimeOutcome[] runtime = RuntimeOutcome.RunAll(bytes, samples);
        using var simulation = new IntegerSimulation(ModelReader.FromBytes(bytes, name));
        IntegerSimulationResult result = simulation.Run(samples);
        string differences = string.Concat(Enumerable.Range(0, samples.Length).Select(n => OutcomeComparer.Differences(runtime[n], result, n, name)));
        Assert.True(differences.Length == 0, differences);
        Assert.True(runtime.Sum(r => r.SpikeCounts[0].Sum()) > 0, $"{name}: the first layer never produced an output; the comparison would prove little");
    }
}
