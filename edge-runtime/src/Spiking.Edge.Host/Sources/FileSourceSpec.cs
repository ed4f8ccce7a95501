namespace Spiking.Edge.Host.Sources;

/// <summary><c>file:PATH</c>: a recording in any format <c>EventFiles</c> reads (the whole text after the colon is the path).</summary>
public sealed record FileSourceSpec : EventSourceSpec
{
    /// <summary>Creates the specification.</summary>
    /// <param name="text">The specification as given.</param>
    /// <param name="path">The recording.</param>
    public FileSourceSpec(string text, string path)
        : base(text)
    {
        Path = path;
    }

    /// <summary>The recording.</summary>
    public string Path { get; }

    /// <inheritdoc/>
    public override EventSourceKind Kind => EventSourceKind.File;

    /// <summary>Parses what follows <c>file:</c>.</summary>
    internal static FileSourceSpec FromArguments(string text, string arguments)
    {
        string path = arguments.Trim();
        return path.Length == 0
            ? throw new EventSourceSpecException(text, null, "file: needs a path, e.g. file:recording.raw")
            : new FileSourceSpec(text, path);
    }
}
