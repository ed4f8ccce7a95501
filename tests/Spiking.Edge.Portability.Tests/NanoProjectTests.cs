using System.Text.RegularExpressions;

namespace Spiking.Edge.Portability.Tests;

/// <summary>
/// The nanoFramework projects (edge-runtime/nanoframework), which are not built here: the runtime .nfproj links
/// exactly the portable core's files, every path they name exists, their package references agree, and the sample
/// app's sources pass a banned-API scan (PORTABILITY.md, "The nanoFramework projects").
/// </summary>
public class NanoProjectTests
{
    private const string CoreLinkPrefix = @"..\..\src\Spiking.Edge.Runtime\";

    private static IReadOnlyList<(string Rule, Regex Pattern)> BannedSymbols =>
        NanoSourceScanner.RulesFromBannedSymbols(File.ReadLines(Path.Combine(NanoProject.CoreFolder, "BannedSymbols.txt")));

    [Fact]
    public void The_nano_runtime_project_compiles_exactly_the_portable_core_files()
    {
        var linked = NanoProject.Runtime.CompileItems()
            .Where(item => item.Include.StartsWith(CoreLinkPrefix, StringComparison.Ordinal))
            .Select(item => item.Include[CoreLinkPrefix.Length..].Replace('\\', '/'))
            .ToList();
        var core = NanoProject.SourceFiles(NanoProject.CoreFolder);

        var missing = core.Except(linked, StringComparer.Ordinal).ToList();
        var extra = linked.Except(core, StringComparer.Ordinal).ToList();
        var duplicated = linked.GroupBy(l => l, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(
            missing.Count == 0 && extra.Count == 0 && duplicated.Count == 0,
            "edge-runtime/nanoframework/Spiking.Edge.Runtime.Nano/Spiking.Edge.Runtime.Nano.nfproj and the core disagree.\n" +
            string.Concat(missing.Select(m => $"  missing from the .nfproj: <Compile Include=\"{CoreLinkPrefix}{m.Replace('/', '\\')}\" Link=\"{m.Replace('/', '\\')}\" />\n")) +
            string.Concat(extra.Select(e => $"  in the .nfproj but not in the core: {e}\n")) +
            string.Concat(duplicated.Select(d => $"  listed twice: {d}\n")));
    }

    [Fact]
    public void The_nano_runtime_project_links_each_core_file_under_its_own_relative_path_and_adds_only_its_assembly_info()
    {
        foreach (var (include, link) in NanoProject.Runtime.CompileItems())
        {
            if (include.StartsWith(CoreLinkPrefix, StringComparison.Ordinal))
            {
                Assert.Equal(include[CoreLinkPrefix.Length..], link);
            }
            else
            {
                Assert.Equal(@"Properties\AssemblyInfo.cs", include);
                Assert.Null(link);
            }
        }
    }

    [Theory]
    [InlineData("Runtime")]
    [InlineData("Sample")]
    public void Every_file_and_project_a_nano_project_names_exists(string which)
    {
        NanoProject project = Open(which);
        var absent = project.CompileItems().Select(item => item.Include)
            .Concat(project.ProjectReferences())
            .Where(path => !File.Exists(project.Resolve(path)))
            .ToList();
        Assert.True(absent.Count == 0, $"{project.Path} names files that do not exist: {string.Join(", ", absent)}");
    }

    [Fact]
    public void The_sample_project_compiles_every_source_file_of_its_folder()
    {
        NanoProject sample = NanoProject.Sample;
        var listed = sample.CompileItems().Select(item => item.Include.Replace('\\', '/')).OrderBy(p => p, StringComparer.Ordinal).ToList();
        Assert.Equal(NanoProject.SourceFiles(sample.Folder), listed);
    }

    [Theory]
    [InlineData("Runtime")]
    [InlineData("Sample")]
    public void A_nano_project_uses_corelibrary_1_x_and_references_exactly_the_package_versions_of_its_packages_config(string which)
    {
        NanoProject project = Open(which);
        var packages = project.Packages();
        Assert.Matches(@"^1\.\d+\.\d+$", packages["nanoFramework.CoreLibrary"]); // 2.0 previews carry generics (PORTABILITY.md)

        var hinted = project.HintPaths()
            .Select(hint => Regex.Match(hint, @"^\.\.\\packages\\(?<id>[A-Za-z.]+?)\.(?<version>\d+\.\d+\.\d+)\\lib\\"))
            .Select(m => (Id: m.Groups["id"].Value, Version: m.Groups["version"].Value))
            .ToList();
        Assert.All(hinted, h => Assert.True(packages.TryGetValue(h.Id, out string? v) && v == h.Version, $"{project.Path}: HintPath of {h.Id} {h.Version} has no matching packages.config entry"));
        Assert.Equal(packages.Count, hinted.Count);
    }

    [Fact]
    public void The_nano_solution_holds_both_projects_under_their_project_guids()
    {
        string solution = File.ReadAllText(Path.Combine(NanoProject.NanoFolder, "Spiking.Edge.Nano.sln"));
        foreach (NanoProject project in new[] { NanoProject.Runtime, NanoProject.Sample })
        {
            string guid = project.ProjectGuid();
            string relative = Path.GetRelativePath(NanoProject.NanoFolder, project.Path).Replace('/', '\\');
            Assert.Contains($"\"{relative}\", \"{guid}\"", solution, StringComparison.Ordinal);
            Assert.Contains($"{guid}.Release|Any CPU.Deploy.0", solution, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_sample_app_sources_pass_the_banned_api_scan()
    {
        string folder = NanoProject.Sample.Folder;
        var findings = NanoProject.SourceFiles(folder)
            .SelectMany(file => NanoSourceScanner.Scan(File.ReadAllText(Path.Combine(folder, file)), BannedSymbols).Select(f => file + " " + f))
            .ToList();
        Assert.True(findings.Count == 0, "The nanoFramework sample uses APIs nanoFramework v1 lacks:\n" + string.Join("\n", findings));
    }

    [Theory]
    [InlineData("using System.Linq;", "N:System.Linq")]
    [InlineData("var x = System.Collections.Generic.EqualityComparer.Default;", "N:System.Collections.Generic")]
    [InlineData("Span<byte> s = buffer;", "T:System.Span`1")]
    [InlineData("ReadOnlySpan<byte> s = buffer;", "T:System.ReadOnlySpan`1")]
    [InlineData("int m = Math.Max(a, b);", "T:System.Math")]
    [InlineData("List<int> values = null;", "generic type or method")]
    [InlineData("static T First<T>(T[] items) { return items[0]; }", "generic type or method")]
    [InlineData("Dictionary<string, int[]> map = null;", "generic type or method")]
    [InlineData("async void Run() { }", "async")]
    [InlineData("int n = await ReadAsync();", "await")]
    [InlineData("string s = $\"{a} events\";", "interpolated string")]
    [InlineData("unsafe { }", "unsafe code")]
    [InlineData("using System.Buffers;", "using outside the allowlist")]
    public void The_scan_reports_each_banned_construct(string code, string rule)
    {
        var findings = NanoSourceScanner.Scan(code, BannedSymbols);
        Assert.Contains(findings, f => f.Contains(rule, StringComparison.Ordinal));
    }

    [Fact]
    public void The_scan_ignores_comments_strings_and_comparisons()
    {
        const string code = """"
            using System;
            using Spiking.Edge.Runtime.Events.Transforms;
            // List<int> and System.Linq in a comment; async too.
            /* Span<byte> in a block comment */
            string text = "Math.Max and List<int> in a string";
            char quote = '"';
            string path = @"I:\model.sem ""quoted""";
            if (count < limit && width > 0 && a <= b) { Run(x < y, z >= w); }
            """";
        Assert.Empty(NanoSourceScanner.Scan(code, BannedSymbols));
    }

    [Fact]
    public void The_scan_reports_the_line_of_a_finding()
    {
        var findings = NanoSourceScanner.Scan("int a = 1;\n// fine\nint m = Math.Abs(a);\n", BannedSymbols);
        Assert.Equal("line 3: T:System.Math: 'Math.'", Assert.Single(findings));
    }

    private static NanoProject Open(string which) => which == "Runtime" ? NanoProject.Runtime : NanoProject.Sample;
}
