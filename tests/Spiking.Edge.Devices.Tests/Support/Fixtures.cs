namespace Spiking.Edge.Devices.Tests.Support;

/// <summary>The crafted binary fixtures copied beside the test binaries.</summary>
internal static class Fixtures
{
    public static string NMnist(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "NMnist", name);

    public static byte[] NMnistBytes(string name) => File.ReadAllBytes(NMnist(name));
}
