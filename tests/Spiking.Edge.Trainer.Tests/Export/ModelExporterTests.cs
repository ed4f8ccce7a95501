using Spiking.Edge.ModelFormat;
using Spiking.Edge.ModelFormat.Proto;
using Spiking.Edge.Runtime.Events;
using Spiking.Edge.Trainer.Export;
using Spiking.Edge.Trainer.IntegerModel;
using Spiking.Edge.Trainer.Pruning;
using Spiking.Edge.Trainer.Quantization;
using Spiking.Edge.Trainer.Tests.IntegerModel;
using Spiking.Edge.Trainer.Tests.Quantization;

namespace Spiking.Edge.Trainer.Tests.Export;

[Collection("TorchSharp")]
public class ModelExporterTests
{
    private static readonly ProvenanceInfo Provenance = new(
        "LifCell", "BPTT surrogate gradient", "synthetic", 0.91, 0.9, 42UL, 7, new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc), "1.2.3-test", "exporter test");

    [Fact]
    public void Exported_model_round_trips_every_integer_and_the_provenance()
    {
        FloatNetworkSpec spec = FloatSpecFactory.Create(8, 4, 3, 2, [9, 4], ReadoutMode.MembraneSum, leakyReadout: true);
        QuantizedNetwork q = Quantizer.Quantize(spec);
        Model model = ModelReader.FromBytes(ModelWriter.ToBytes(ModelExporter.ToModel(q, spec, Provenance)), "round trip");

        Assert.Equal((4u, 3u, 2u), (model.Input.Width, model.Input.Height, model.Input.Polarities));
        Assert.Equal((1000u, 10u), (model.TickMicroseconds, model.TicksPerSample));
        Assert.Equal(ReadoutMode.MembraneSum, model.Readout.Mode);
        Assert.Equal(spec.Labels, model.Labels);
        for (int l = 0; l < q.Layers.Count; l++)
        {
            QuantizedLayer expected = q.Layers[l];
            Layer actual = model.Layers[l];
            Assert.Equal(expected.Weights, WeightCodec.Decode(actual.Weights, expected.InputSize, expected.OutputSize));
            Assert.Equal(expected.Threshold, actual.Threshold);
            Assert.Equal(expected.Bias.Any(b => b != 0) ? expected.Bias : [], actual.Bias);
            Assert.Equal(expected.Scale, actual.WeightScale);
            Assert.Equal((uint)expected.LeakShift, actual.LeakShift);
            Assert.Equal(expected.Neuron, actual.Neuron);
            Assert.Equal(expected.Reset, actual.Reset);
            Assert.Equal(expected.Comparison, actual.Comparison);
        }

        Provenance p = model.Provenance;
        Assert.Equal(("LifCell", "BPTT surrogate gradient", "synthetic"), (p.Cell, p.Algorithm, p.Dataset));
        Assert.Equal((0.91f, 0.9f, 42UL, 7u), (p.FloatAccuracy, p.IntegerAccuracy, p.Seed, p.Epochs));
        Assert.Equal("2026-01-02T03:04:05Z", p.CreatedUtc);
        Assert.Equal(("1.2.3-test", "exporter test"), (p.ToolVersion, p.Notes));
        Assert.Equal((float)q.WeightSparsity, p.WeightSparsity);
    }

    [Theory]
    [InlineData(0.0, WeightEncoding.Dense)]
    [InlineData(0.5, WeightEncoding.Bitmap)]
    [InlineData(0.99, WeightEncoding.Csr)]
    public void Pruned_layers_are_written_in_the_smallest_encoding(double fraction, WeightEncoding expected)
    {
        FloatNetworkSpec spec = MagnitudePruner.Prune(FloatSpecFactory.Create(9, 16, 16, 2, [64], ReadoutMode.SpikeCount), fraction);
        Model model = ModelExporter.ToModel(Quantizer.Quantize(spec), spec, Provenance);
        Assert.Equal(expected, model.Layers[0].Weights.Encoding);
    }

    [Fact]
    public void Export_writes_a_file_that_the_runtime_and_the_simulation_run_identically()
    {
        string folder = Path.Combine(Path.GetTempPath(), "h6-export-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            string path = Path.Combine(folder, "net.model");
            FloatNetworkSpec spec = MagnitudePruner.Prune(FloatSpecFactory.Create(10, 6, 6, 2, [20, 5], ReadoutMode.SpikeCount), 0.6);
            ModelExporter.Export(Quantizer.Quantize(spec), spec, Provenance, path);
            Assert.Equal(["net.model"], Directory.GetFiles(folder).Select(Path.GetFileName));

            byte[] bytes = File.ReadAllBytes(path);
            var random = new Random(10);
            var samples = Enumerable.Range(0, 3).Select(_ => RandomEventStream.Create(random, 6, 6, 2, 1000, 10, 400)).ToArray();
            RuntimeOutcome[] runtime = RuntimeOutcome.RunAll(bytes, samples);
            using var simulation = new IntegerSimulation(ModelReader.ReadFile(path));
            IntegerSimulationResult result = simulation.Run(samples);
            for (int n = 0; n < samples.Length; n++)
            {
                string differences = OutcomeComparer.Differences(runtime[n], result, n, "exported model");
                Assert.True(differences.Length == 0, differences);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_quantized_network_that_does_not_match_the_spec_is_refused()
    {
        FloatNetworkSpec spec = FloatSpecFactory.Create(1, 2, 2, 1, [3, 2], ReadoutMode.SpikeCount);
        QuantizedNetwork q = Quantizer.Quantize(spec);
        var error = Assert.Throws<ArgumentException>(() => ModelExporter.ToModel(q with { Layers = [q.Layers[0]] }, spec, Provenance));
        Assert.Contains("1 layers, the float spec 2", error.Message);
    }
}
