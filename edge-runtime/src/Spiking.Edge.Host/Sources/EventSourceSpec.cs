namespace Spiking.Edge.Host.Sources;

/// <summary>
/// A parsed <c>--source</c> specification: <c>file:PATH</c>, <c>genx320:KEY=VALUE,…</c> (or just <c>genx320</c>) or
/// <c>serial:PORT,KEY=VALUE,…</c>. Kinds and keys are case-insensitive; numbers may be decimal or 0x-hexadecimal.
/// </summary>
/// <remarks>Every refusal is an <see cref="EventSourceSpecException"/>: one line naming the specification and the bad key.</remarks>
public abstract record EventSourceSpec
{
    /// <summary>The three forms, for messages and help.</summary>
    public const string Usage = "file:PATH, genx320:KEY=VALUE,... or serial:PORT,KEY=VALUE,...";

    /// <summary>Creates the common part.</summary>
    /// <param name="text">The specification as given.</param>
    private protected EventSourceSpec(string text)
    {
        Text = text;
    }

    /// <summary>The specification as given.</summary>
    public string Text { get; }

    /// <summary>Which kind of source it names.</summary>
    public abstract EventSourceKind Kind { get; }

    /// <summary>Parses a specification.</summary>
    /// <param name="text">E.g. <c>file:rec.raw</c>, <c>genx320:i2c=1,address=0x3c,spi=0.0,reset=17,power=27</c>,
    /// <c>serial:/dev/ttyUSB0,baud=921600</c>.</param>
    /// <returns>A <see cref="FileSourceSpec"/>, <see cref="GenX320SourceSpec"/> or <see cref="SerialSourceSpec"/>.</returns>
    /// <exception cref="EventSourceSpecException">The kind is unknown, or a key is unknown, repeated, missing its value or out of range.</exception>
    public static EventSourceSpec Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            throw new EventSourceSpecException(text, null, $"is empty; expected {Usage}");
        }

        int colon = trimmed.IndexOf(':', StringComparison.Ordinal);
        string kind = (colon < 0 ? trimmed : trimmed[..colon]).Trim().ToLowerInvariant();
        string arguments = colon < 0 ? "" : trimmed[(colon + 1)..];
        return kind switch
        {
            "file" => FileSourceSpec.FromArguments(text, arguments),
            "genx320" => GenX320SourceSpec.FromArguments(text, arguments),
            "serial" => SerialSourceSpec.FromArguments(text, arguments),
            _ => throw new EventSourceSpecException(text, null, $"unknown source kind \"{kind}\"; expected {Usage}"),
        };
    }
}
