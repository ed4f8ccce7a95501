namespace Spiking.Edge.Trainer.Models;

/// <summary>
/// A network configuration value that cannot be used. The message is one line that starts with the JSON path of the
/// value (e.g. <c>$.layers[1].snu.decay</c>) and, where there is a fixed set, lists the valid choices.
/// </summary>
public sealed class ConfigException : Exception
{
    /// <summary>Creates the exception; the message is "path: problem".</summary>
    /// <param name="path">JSON path of the offending value.</param>
    /// <param name="problem">What is wrong (one line).</param>
    public ConfigException(string path, string problem)
        : base($"{path}: {problem}")
    {
        Path = path;
    }

    /// <summary>Creates the exception with an inner cause.</summary>
    /// <param name="path">JSON path of the offending value.</param>
    /// <param name="problem">What is wrong (one line).</param>
    /// <param name="inner">The underlying exception.</param>
    public ConfigException(string path, string problem, Exception inner)
        : base($"{path}: {problem}", inner)
    {
        Path = path;
    }

    /// <summary>Creates the exception without a path (prefer the other constructors).</summary>
    public ConfigException()
        : base("invalid network configuration")
    {
        Path = "$";
    }

    /// <summary>Creates the exception from a full message (prefer the other constructors).</summary>
    /// <param name="message">One-line message.</param>
    public ConfigException(string message)
        : base(message)
    {
        Path = "$";
    }

    /// <summary>Creates the exception from a full message and cause (prefer the other constructors).</summary>
    /// <param name="message">One-line message.</param>
    /// <param name="innerException">The underlying exception.</param>
    public ConfigException(string message, Exception innerException)
        : base(message, innerException)
    {
        Path = "$";
    }

    /// <summary>JSON path of the offending value ("$" for the whole document).</summary>
    public string Path { get; }
}
