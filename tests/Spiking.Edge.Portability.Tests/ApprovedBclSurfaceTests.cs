using Spiking.Edge.TestSupport;

namespace Spiking.Edge.Portability.Tests;

/// <summary>
/// The BCL surface the runtime uses (types and type::member) is kept in edge-runtime/approved-bcl-surface.txt, so
/// any new dependency shows up in review (PORTABILITY.md, check 3).
/// </summary>
public class ApprovedBclSurfaceTests
{
    private static string ApprovedPath => Path.Combine(TestPaths.RepoRoot, "edge-runtime", "approved-bcl-surface.txt");

    [Fact]
    public void Referenced_bcl_surface_equals_the_approved_list()
    {
        using var metadata = new RuntimeAssemblyMetadata();
        var received = metadata.ReferencedTypes().Concat(metadata.ReferencedMembers())
            .Where(s => !CompilerSynthesizedAttributes.DebugOnly.Contains(s)).ToList();
        var approved = File.Exists(ApprovedPath)
            ? File.ReadLines(ApprovedPath).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList()
            : new List<string>();

        var added = received.Except(approved, StringComparer.Ordinal).ToList();
        var removed = approved.Except(received, StringComparer.Ordinal).ToList();
        if (added.Count == 0 && removed.Count == 0)
        {
            return;
        }

        string receivedPath = Path.Combine(AppContext.BaseDirectory, "approved-bcl-surface.received.txt");
        File.WriteAllLines(receivedPath, Header.Concat(received));
        Assert.Fail(
            "The runtime's BCL surface changed.\n" +
            string.Concat(added.Select(a => "+ " + a + "\n")) +
            string.Concat(removed.Select(r => "- " + r + "\n")) +
            "Check every added line against nanoFramework v1 (edge-runtime/PORTABILITY.md), then approve with:\n" +
            $"  cp {receivedPath} {ApprovedPath}");
    }

    private static readonly string[] Header =
    {
        "# BCL types and members (type::member) referenced by Spiking.Edge.Runtime.dll.",
        "# Checked by tests/Spiking.Edge.Portability.Tests/ApprovedBclSurfaceTests.cs; see edge-runtime/PORTABILITY.md.",
    };
}
