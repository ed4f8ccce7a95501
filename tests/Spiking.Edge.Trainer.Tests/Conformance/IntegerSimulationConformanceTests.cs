using Spiking.Edge.ModelFormat;
using Spiking.Edge.ModelFormat.Proto;
using Spiking.Edge.Runtime.Events;

namespace Spiking.Edge.Trainer.Tests.Conformance;

/// <summary>The integer simulation (with TimeBinner as its input stage) reproduces every checked-in conformance vector.</summary>
[Collection("TorchSharp")]
public class IntegerSimulationConformanceTests
{
    public static TheoryData<string> Vectors()
    {
        var data = new TheoryData<string>();
        foreach (string name in ConformanceFiles.Names())
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Simulation_reproduces_the_vector(string name)
    {
        Model model = ModelReader.ReadFile(ConformanceFiles.ModelPath(name));
        Event[] events = ConformanceFiles.ReadEvents(ConformanceFiles.EventsPath(name));
        ConformanceExpectation expected = ConformanceExpectation.FromJson(File.ReadAllText(ConformanceFiles.ExpectedPath(name)), ConformanceFiles.ExpectedPath(name));
        ConformanceExpectation actual = ConformanceOracle.FromSimulation(expected.Name, expected.Description, model, events, expected.WindowStartMicroseconds);
        string[] differences = expected.Differences(actual).ToArray();
        Assert.True(differences.Length == 0, $"{name}:\n" + string.Join("\n", differences));
    }

    [Fact]
    public void There_are_at_least_nine_vectors()
    {
        Assert.True(ConformanceFiles.Names().Count() >= 9, $"found {ConformanceFiles.Names().Count()} vectors in {ConformanceFiles.Folder}");
    }
}
