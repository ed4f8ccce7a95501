namespace Spiking.Edge.TestSupport;

/// <summary>Where the repository and the shared data live, found from the test's own output folder.</summary>
internal static class TestPaths
{
    /// <summary>The repository root: the nearest folder above the test binaries that holds Spiking.Edge.sln.</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>../shared/data/nmnist-small beside the repository (present on developer machines and in CI).</summary>
    public static string NMnistSmall => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "data", "nmnist-small"));

    /// <summary>The nanoFramework v1 mscorlib type list (the portability allowlist).</summary>
    public static string NanoFrameworkTypes => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "data", "nanoframework-v1-mscorlib-types.txt"));

    /// <summary>Skips the calling test with a clear message when ../shared/data/nmnist-small is absent.</summary>
    public static string RequireNMnistSmall()
    {
        Skip.IfNot(Directory.Exists(NMnistSmall), $"N-MNIST subset not found at {NMnistSmall}; this test needs ../shared/data/nmnist-small beside the repository.");
        return NMnistSmall;
    }

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "Spiking.Edge.sln")))
        {
            dir = dir.Parent;
        }

        // With --artifacts-path the binaries live outside the repository: fall back to the source location.
        return dir?.FullName ?? FindFromSource();
    }

    private static string FindFromSource([System.Runtime.CompilerServices.CallerFilePath] string source = "")
        => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", ".."));
}
