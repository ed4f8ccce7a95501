using Spiking.Edge.ModelFormat.Proto;
using Spiking.Edge.TestSupport;

namespace Spiking.Edge.ModelFormat.Tests;

/// <summary>The conformance models in model-format/spec/conformance are valid files for this reader.</summary>
public sealed class ConformanceModelsTests
{
    [SkippableFact]
    public void Every_conformance_model_is_read_and_rewritten_byte_for_byte()
    {
        string folder = Path.Combine(TestPaths.RepoRoot, "model-format", "spec", "conformance");
        string[] files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.model") : [];
        Skip.If(files.Length == 0, $"no conformance models in {folder}");

        foreach (string file in files)
        {
            byte[] bytes = File.ReadAllBytes(file);
            Model model = ModelReader.ReadFile(file);

            Assert.True(bytes.AsSpan().SequenceEqual(ModelWriter.ToBytes(model)), $"{Path.GetFileName(file)} is not what ModelWriter writes for its own content");
        }
    }
}
