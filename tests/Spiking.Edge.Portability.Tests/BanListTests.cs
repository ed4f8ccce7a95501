using System.Xml.Linq;
using Spiking.Edge.TestSupport;

namespace Spiking.Edge.Portability.Tests;

/// <summary>The compile-time ban list is wired into the core project (PORTABILITY.md, check 4).</summary>
public class BanListTests
{
    private static string CoreFolder => Path.Combine(TestPaths.RepoRoot, "edge-runtime", "src", "Spiking.Edge.Runtime");

    [Theory]
    [InlineData("N:System.Linq")]
    [InlineData("N:System.Collections.Generic")]
    [InlineData("T:System.Span`1")]
    [InlineData("T:System.ReadOnlySpan`1")]
    [InlineData("T:System.Math")]
    public void Core_project_bans_the_symbol(string symbol)
    {
        var banned = File.ReadLines(Path.Combine(CoreFolder, "BannedSymbols.txt")).Select(l => l.Split(';')[0].Trim());
        Assert.Contains(symbol, banned);
    }

    [Fact]
    public void Core_project_runs_the_banned_api_analyzer_and_references_no_runtime_package()
    {
        XDocument project = XDocument.Load(Path.Combine(CoreFolder, "Spiking.Edge.Runtime.csproj"));
        var packages = project.Descendants("PackageReference").ToList();
        Assert.Contains(packages, p => (string?)p.Attribute("Include") == "Microsoft.CodeAnalysis.BannedApiAnalyzers");
        Assert.All(packages, p => Assert.Equal("all", (string?)p.Attribute("PrivateAssets")));
        Assert.Contains(project.Descendants("AdditionalFiles"), f => (string?)f.Attribute("Include") == "BannedSymbols.txt");
    }
}
