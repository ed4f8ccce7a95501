using Spiking.Edge.ModelFormat.Proto;
using Spiking.Edge.Runtime;
using Spiking.Edge.Runtime.Format;

namespace Spiking.Edge.ModelFormat.Tests;

/// <summary>
/// The PC reader and the edge runtime's own reader enforce the same wire-format.md rules: what one writes the
/// other loads, and a file the PC reader accepts is never refused by the runtime.
/// </summary>
public sealed class RuntimeAgreementTests
{
    [Fact]
    public void Files_written_here_load_in_the_edge_runtime()
    {
        foreach (Model model in new[] { TestModels.WorkedExample(), TestModels.Small(), TestModels.Realistic() })
        {
            Network network = Network.Load(ModelWriter.ToBytes(model));

            Assert.Equal(model.Layers.Count, network.LayerCount);
            Assert.Equal((int)model.Layers[^1].OutputSize, network.OutputSize);
            Assert.Equal((int)model.TicksPerSample, network.TicksPerSample);
        }
    }

    [Fact]
    public void Mutated_files_accepted_here_are_accepted_by_the_edge_runtime()
    {
        byte[] valid = ModelWriter.ToBytes(TestModels.Small());
        var random = new Random(7);
        int accepted = 0;
        for (int trial = 0; trial < 3000; trial++)
        {
            var bytes = (byte[])valid.Clone();
            bytes[random.Next(0, bytes.Length - 5)] = (byte)random.Next(256);
            bytes = TestModels.WithFixedChecksum(bytes);
            if (Record.Exception(() => ModelReader.FromBytes(bytes)) != null)
            {
                continue;
            }

            accepted++;
            var runtimeError = Record.Exception(() => Network.Load(bytes));
            Assert.True(runtimeError == null, $"trial {trial}: the runtime refused what the PC reader accepted: {(runtimeError as ModelFormatException)?.Code} at byte {(runtimeError as ModelFormatException)?.Offset}: {runtimeError?.Message}");
        }

        Assert.True(accepted > 0, "no mutation was accepted, so the test compared nothing");
    }

    [Fact]
    public void Mutated_files_refused_here_are_refused_by_the_edge_runtime_too_unless_only_informational_text_broke()
    {
        byte[] valid = ModelWriter.ToBytes(TestModels.Small());
        var random = new Random(8);
        for (int trial = 0; trial < 3000; trial++)
        {
            var bytes = (byte[])valid.Clone();
            bytes[random.Next(0, bytes.Length - 5)] = (byte)random.Next(256);
            bytes = TestModels.WithFixedChecksum(bytes);
            var pcError = Record.Exception(() => ModelReader.FromBytes(bytes)) as ModelFileException;
            // The runtime skips provenance unread, does not decode strings (names, labels) and, since it never uses
            // the weight scales (semantics §3), checks them only for being finite, not positive: damage there is
            // refused only here.
            bool informationalOnly = pcError != null
                && (pcError.Field.StartsWith("provenance", StringComparison.Ordinal)
                    || (pcError.Field.Contains(".weight_scale[", StringComparison.Ordinal) && pcError.Message.Contains("found -", StringComparison.Ordinal))
                    || pcError.InnerException?.Message.Contains("UTF-8", StringComparison.OrdinalIgnoreCase) == true);
            if (pcError == null || informationalOnly)
            {
                continue;
            }

            var runtimeError = Record.Exception(() => Network.Load(bytes));
            Assert.True(runtimeError is ModelFormatException, $"trial {trial}: the PC reader refused ({pcError.Message}) but the runtime loaded it");
        }
    }
}
