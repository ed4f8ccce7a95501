namespace Spiking.Edge.Cli;

/// <summary>Checks on paths given on the command line, failing with one line that names the flag and the path.</summary>
internal static class CliFiles
{
    public static void RequireFile(string path, string what)
    {
        if (!File.Exists(path))
        {
            throw new CliException(Directory.Exists(path) ? $"{what} '{path}' is a folder, expected a file" : $"{what} '{path}' does not exist");
        }
    }

    public static void RequireDirectory(string path, string what)
    {
        if (!Directory.Exists(path))
        {
            throw new CliException($"{what} '{path}' is not an existing folder");
        }
    }

    /// <summary>
    /// Reads a model file once and validates it on the PC side (errors name the file, field and offset); the bytes
    /// are returned for the edge runtime, so the file is not read twice.
    /// </summary>
    public static (Spiking.Edge.ModelFormat.Proto.Model Model, byte[] Bytes) ReadModel(string path, string what)
    {
        RequireFile(path, what);
        byte[] bytes = File.ReadAllBytes(path);
        return (Spiking.Edge.ModelFormat.ModelReader.FromBytes(bytes, path), bytes);
    }

    /// <summary>Creates the folder that will hold <paramref name="path"/>, failing with one line if it cannot.</summary>
    public static void EnsureParent(string path)
    {
        string? parent = Path.GetDirectoryName(Path.GetFullPath(path));
        if (parent != null)
        {
            Directory.CreateDirectory(parent);
        }
    }
}
