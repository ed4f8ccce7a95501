using System.Text;

namespace Spiking.Edge.Trainer.Tests.Conformance;

/// <summary>
/// The generator of model-format/spec/conformance/. With SPIKING_REGENERATE_CONFORMANCE=1 it rewrites every vector,
/// after checking that the integer simulation and the runtime agree on it (and, for the worked example, that both
/// give the values of the semantics.md table); it refuses to write anything otherwise. Without the variable it only
/// reads, and checks that the checked-in files are exactly what the generator would write.
/// </summary>
[Collection("TorchSharp")]
public class ConformanceGeneratorTests
{
    [Fact]
    public void Checked_in_vectors_are_what_the_generator_writes_and_both_implementations_agree_on_them()
    {
        bool regenerate = Environment.GetEnvironmentVariable(ConformanceFiles.RegenerateVariable) == "1";
        var problems = new StringBuilder();
        var outputs = new List<(string Path, byte[] Bytes)>();
        foreach (ConformanceVector vector in ConformanceVectors.All())
        {
            (byte[] bytes, Spiking.Edge.ModelFormat.Proto.Model model) = ConformanceOracle.RoundTrip(vector.Model, vector.Name);
            ConformanceExpectation simulation = ConformanceOracle.FromSimulation(vector.Name, vector.Description, model, vector.Events, vector.WindowStartMicroseconds);
            ConformanceExpectation runtime = ConformanceOracle.FromRuntime(vector.Name, vector.Description, bytes, vector.Events, vector.WindowStartMicroseconds);
            foreach (string d in simulation.Differences(runtime))
            {
                problems.AppendLine($"{vector.Name}: simulation vs runtime: {d}");
            }

            if (vector.Literal is not null)
            {
                foreach (string d in vector.Literal.Differences(simulation))
                {
                    problems.AppendLine($"{vector.Name}: table vs simulation: {d}");
                }
            }

            ConformanceExpectation expected = vector.Literal ?? simulation;
            outputs.Add((ConformanceFiles.ModelPath(vector.Name), bytes));
            outputs.Add((ConformanceFiles.EventsPath(vector.Name), Encoding.UTF8.GetBytes(ConformanceFiles.EventsToCsv(vector.Events))));
            outputs.Add((ConformanceFiles.ExpectedPath(vector.Name), Encoding.UTF8.GetBytes(expected.ToJson())));
        }

        Assert.True(problems.Length == 0, "the implementations disagree; nothing was written:\n" + problems);
        if (regenerate)
        {
            foreach ((string path, byte[] bytes) in outputs)
            {
                ConformanceFiles.WriteAtomically(path, bytes);
            }
        }

        foreach ((string path, byte[] bytes) in outputs)
        {
            Assert.True(File.Exists(path), $"{path} is missing; run the tests with {ConformanceFiles.RegenerateVariable}=1 to write it");
            Assert.True(bytes.AsSpan().SequenceEqual(File.ReadAllBytes(path)), $"{path} differs from what the generator writes; if the change is intended, regenerate with {ConformanceFiles.RegenerateVariable}=1");
        }

        Assert.Equal(ConformanceVectors.All().Select(v => v.Name).Order(StringComparer.Ordinal), ConformanceFiles.Names());
    }
}
