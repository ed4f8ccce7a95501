namespace Spiking.Edge.Cli;

/// <summary>A user-facing failure: its message is printed as the single error line, and the exit code is 1.</summary>
internal sealed class CliException(string message) : Exception(message);
