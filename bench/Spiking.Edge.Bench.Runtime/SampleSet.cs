using Spiking.Edge.Devices.Formats.NMnist;
using Spiking.Edge.Runtime.Events;

namespace Spiking.Edge.Bench.Runtime;

/// <summary>Real N-MNIST recordings, decoded once into memory before timing.</summary>
internal sealed class SampleSet
{
    private SampleSet(string folder, Event[][] samples)
    {
        Folder = folder;
        Samples = samples;
    }

    public string Folder { get; }

    public Event[][] Samples { get; }

    public long TotalEvents => Samples.Sum(s => (long)s.Length);

    /// <summary>The first <paramref name="count"/> files of Train/&lt;digit&gt;/*.bin in ordinal path order.</summary>
    public static SampleSet Load(string? folder, int count)
    {
        string root = folder ?? DefaultFolder();
        string train = Path.Combine(root, "Train");
        if (!Directory.Exists(train))
        {
            throw new DirectoryNotFoundException($"N-MNIST training folder not found: {train} (pass --data FOLDER holding Train/<digit>/*.bin)");
        }

        var files = Directory.GetFiles(train, "*.bin", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Take(count).ToArray();
        if (files.Length == 0)
        {
            throw new FileNotFoundException($"no .bin files under {train}");
        }

        return new SampleSet(root, files.Select(NMnistFile.Read).ToArray());
    }

    /// <summary>../shared/data/nmnist-small beside the repository, found upwards from the working folder or the binaries.</summary>
    private static string DefaultFolder()
    {
        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Spiking.Edge.sln")))
                {
                    return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", "nmnist-small"));
                }
            }
        }

        throw new DirectoryNotFoundException("repository root (Spiking.Edge.sln) not found above the working folder; pass --data FOLDER");
    }
}
