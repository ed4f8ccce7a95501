namespace Spiking.Edge.Cli;

/// <summary>The writers a verb prints to (the console, or a test's StringWriter).</summary>
internal sealed record CliContext(TextWriter Output, TextWriter Error)
{
    /// <summary>True when output goes to a terminal, so an animated progress bar makes sense.</summary>
    public bool Interactive => ReferenceEquals(Output, Console.Out) && !Console.IsOutputRedirected;
}
