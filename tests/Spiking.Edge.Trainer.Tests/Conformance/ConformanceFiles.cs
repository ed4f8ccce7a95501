using System.Globalization;
using System.Text;
using Spiking.Edge.Runtime.Events;
using Spiking.Edge.TestSupport;

namespace Spiking.Edge.Trainer.Tests.Conformance;

/// <summary>Reads and writes the three files of a conformance vector.</summary>
internal static class ConformanceFiles
{
    public const string RegenerateVariable = "SPIKING_REGENERATE_CONFORMANCE";

    public static string Folder => Path.Combine(TestPaths.RepoRoot, "model-format", "spec", "conformance");

    public static string ModelPath(string name) => Path.Combine(Folder, name + ".model");

    public static string EventsPath(string name) => Path.Combine(Folder, name + ".events.csv");

    public static string ExpectedPath(string name) => Path.Combine(Folder, name + ".expected.json");

    public static IEnumerable<string> Names() =>
        Directory.GetFiles(Folder, "*.expected.json").Select(p => Path.GetFileName(p)[..^".expected.json".Length]).Order(StringComparer.Ordinal);

    public static string EventsToCsv(Event[] events)
    {
        var text = new StringBuilder("x,y,p,t\n");
        foreach (Event e in events)
        {
            text.Append(CultureInfo.InvariantCulture, $"{e.X},{e.Y},{e.Polarity},{e.TimestampMicroseconds}\n");
        }

        return text.ToString();
    }

    public static Event[] ReadEvents(string path)
    {
        string[] lines = File.ReadAllLines(path);
        if (lines.Length == 0 || lines[0] != "x,y,p,t")
        {
            throw new InvalidDataException($"{path}: line 1 must be the header 'x,y,p,t'");
        }

        var events = new Event[lines.Length - 1];
        for (int n = 1; n < lines.Length; n++)
        {
            string[] f = lines[n].Split(',');
            if (f.Length != 4)
            {
                throw new InvalidDataException($"{path}: line {n + 1} has {f.Length} fields, expected 4");
            }

            events[n - 1] = new Event(
                ushort.Parse(f[0], CultureInfo.InvariantCulture),
                ushort.Parse(f[1], CultureInfo.InvariantCulture),
                byte.Parse(f[2], CultureInfo.InvariantCulture),
                long.Parse(f[3], CultureInfo.InvariantCulture));
        }

        return events;
    }

    /// <summary>Writes through a temporary file and a rename, so a failed run leaves no half-written vector file.</summary>
    public static void WriteAtomically(string path, byte[] bytes)
    {
        string temp = path + ".tmp";
        File.WriteAllBytes(temp, bytes);
        File.Move(temp, path, overwrite: true);
    }
}
