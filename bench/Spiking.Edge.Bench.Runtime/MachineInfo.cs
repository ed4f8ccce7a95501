using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace Spiking.Edge.Bench.Runtime;

/// <summary>What the figures were measured on.</summary>
internal static class MachineInfo
{
    public static string Cpu()
    {
        const string cpuinfo = "/proc/cpuinfo";
        string model = RuntimeInformation.ProcessArchitecture.ToString();
        if (File.Exists(cpuinfo))
        {
            var lines = File.ReadAllLines(cpuinfo);
            string? name = lines.FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            string? family = lines.FirstOrDefault(l => l.StartsWith("cpu family", StringComparison.Ordinal));
            string? number = lines.FirstOrDefault(l => l.StartsWith("model\t", StringComparison.Ordinal));
            string? mhz = lines.FirstOrDefault(l => l.StartsWith("cpu MHz", StringComparison.Ordinal));
            model = $"{Field(name)} (family {Field(family)}, model {Field(number)}, {Field(mhz)} MHz reported)";
        }

        return $"{model}, {Environment.ProcessorCount} logical cores, {RuntimeInformation.FrameworkDescription}, "
            + $"AVX2 {Avx2.IsSupported}, AVX-512F {Avx512F.IsSupported}";
    }

    private static string Field(string? line) => line == null ? "?" : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
}
