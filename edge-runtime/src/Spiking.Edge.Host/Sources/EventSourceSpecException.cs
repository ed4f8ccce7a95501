namespace Spiking.Edge.Host.Sources;

/// <summary>
/// A bad <c>--source</c> specification. The message is one line naming the specification and, where one is at
/// fault, the key: <c>source "genx320:i2c=x": key "i2c": "x" is not a whole number; expected an I2C bus 0..255</c>.
/// </summary>
public sealed class EventSourceSpecException : ArgumentException
{
    /// <summary>Creates the error.</summary>
    /// <param name="specification">The whole specification as given.</param>
    /// <param name="key">The key at fault, or null when the specification as a whole is bad.</param>
    /// <param name="reason">What is wrong and what was expected.</param>
    public EventSourceSpecException(string specification, string? key, string reason)
        : base(reason, "source")
    {
        Specification = specification;
        Key = key;
        Reason = reason;
    }

    /// <summary>The specification as given.</summary>
    public string Specification { get; }

    /// <summary>The key at fault, or null.</summary>
    public string? Key { get; }

    /// <summary>What is wrong.</summary>
    public string Reason { get; }

    /// <summary>One line: the specification, the key (if any), the reason.</summary>
    public override string Message => Key is null
        ? $"source \"{Specification}\": {Reason}"
        : $"source \"{Specification}\": key \"{Key}\": {Reason}";
}
