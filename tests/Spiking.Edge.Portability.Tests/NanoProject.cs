using System.Xml.Linq;
using Spiking.Edge.TestSupport;

namespace Spiking.Edge.Portability.Tests;

/// <summary>
/// Reads a nanoFramework .nfproj (an MSBuild 2003 project with Windows paths) and its packages.config: the Compile
/// items, project references, assembly references' HintPaths and the NuGet packages.
/// </summary>
internal sealed class NanoProject
{
    private static readonly XNamespace MsBuild = "http://schemas.microsoft.com/developer/msbuild/2003";

    private NanoProject(string path)
    {
        Path = path;
        Folder = System.IO.Path.GetDirectoryName(path)!;
        Document = XDocument.Load(path);
    }

    /// <summary>edge-runtime/nanoframework in the repository.</summary>
    public static string NanoFolder => System.IO.Path.Combine(TestPaths.RepoRoot, "edge-runtime", "nanoframework");

    /// <summary>The portable core's source folder.</summary>
    public static string CoreFolder => System.IO.Path.Combine(TestPaths.RepoRoot, "edge-runtime", "src", "Spiking.Edge.Runtime");

    public static NanoProject Runtime => new(System.IO.Path.Combine(NanoFolder, "Spiking.Edge.Runtime.Nano", "Spiking.Edge.Runtime.Nano.nfproj"));

    public static NanoProject Sample => new(System.IO.Path.Combine(NanoFolder, "Spiking.Edge.Sample.Nano", "Spiking.Edge.Sample.Nano.nfproj"));

    public string Path { get; }

    public string Folder { get; }

    public XDocument Document { get; }

    /// <summary>Every Compile item: its Include as written and its Link metadata (null when absent).</summary>
    public IReadOnlyList<(string Include, string? Link)> CompileItems() =>
        Document.Descendants(MsBuild + "Compile")
            .Select(item => ((string)item.Attribute("Include")!, (string?)item.Attribute("Link")))
            .ToList();

    /// <summary>The Include of every ProjectReference.</summary>
    public IReadOnlyList<string> ProjectReferences() =>
        Document.Descendants(MsBuild + "ProjectReference").Select(item => (string)item.Attribute("Include")!).ToList();

    /// <summary>Every assembly reference's HintPath.</summary>
    public IReadOnlyList<string> HintPaths() =>
        Document.Descendants(MsBuild + "HintPath").Select(hint => hint.Value).ToList();

    /// <summary>The ProjectGuid property, as written (braces included).</summary>
    public string ProjectGuid() => Document.Descendants(MsBuild + "ProjectGuid").Single().Value;

    /// <summary>The id → version pairs of packages.config beside the project.</summary>
    public IReadOnlyDictionary<string, string> Packages() =>
        XDocument.Load(System.IO.Path.Combine(Folder, "packages.config")).Descendants("package")
            .ToDictionary(p => (string)p.Attribute("id")!, p => (string)p.Attribute("version")!, StringComparer.Ordinal);

    /// <summary>A Windows path of the project (backslashes, relative to its folder) as a full local path.</summary>
    public string Resolve(string windowsPath) =>
        System.IO.Path.GetFullPath(System.IO.Path.Combine(Folder, windowsPath.Replace('\\', System.IO.Path.DirectorySeparatorChar)));

    /// <summary>The .cs files under <paramref name="folder"/> (bin and obj excluded), relative, with '/' separators, sorted.</summary>
    public static IReadOnlyList<string> SourceFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Select(file => System.IO.Path.GetRelativePath(folder, file).Replace(System.IO.Path.DirectorySeparatorChar, '/'))
            .Where(relative => !relative.StartsWith("bin/", StringComparison.Ordinal) && !relative.StartsWith("obj/", StringComparison.Ordinal))
            .OrderBy(relative => relative, StringComparer.Ordinal)
            .ToList();
}
