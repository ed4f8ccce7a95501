using System.Globalization;

namespace Spiking.Edge.Host.Sources;

/// <summary>
/// The <c>KEY=VALUE</c> elements of one <c>--source</c> specification, with typed readers that fail with one line
/// naming the key (<see cref="EventSourceSpecException"/>).
/// </summary>
internal sealed class SpecArguments
{
    private readonly string _specification;
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    /// <summary>Splits <paramref name="elements"/> into keys (lower-cased) and values.</summary>
    /// <param name="specification">The whole specification, for messages.</param>
    /// <param name="elements">The <c>KEY=VALUE</c> elements.</param>
    /// <param name="keys">The keys this kind of source accepts.</param>
    /// <exception cref="EventSourceSpecException">An element is empty, has no '=', names an unknown key or repeats one.</exception>
    public SpecArguments(string specification, IEnumerable<string> elements, IReadOnlyList<string> keys)
    {
        _specification = specification;
        foreach (string raw in elements)
        {
            string element = raw.Trim();
            if (element.Length == 0)
            {
                throw new EventSourceSpecException(specification, null, "has an empty element (two commas in a row, or a trailing comma?)");
            }

            int equals = element.IndexOf('=', StringComparison.Ordinal);
            string key = (equals < 0 ? element : element[..equals]).Trim().ToLowerInvariant();
            if (!keys.Contains(key))
            {
                throw new EventSourceSpecException(specification, key, $"unknown key; expected one of {string.Join(", ", keys)}");
            }

            string value = equals < 0 ? "" : element[(equals + 1)..].Trim();
            if (value.Length == 0)
            {
                throw new EventSourceSpecException(specification, key, $"has no value; expected {key}=VALUE");
            }

            if (!_values.TryAdd(key, value))
            {
                throw new EventSourceSpecException(specification, key, "is given more than once");
            }
        }
    }

    /// <summary>The raw value of <paramref name="key"/>, or null when absent.</summary>
    public string? Raw(string key) => _values.GetValueOrDefault(key);

    /// <summary>An error about <paramref name="key"/>.</summary>
    public EventSourceSpecException Error(string key, string reason) => new(_specification, key, reason);

    /// <summary>A whole number (decimal, or hexadecimal with 0x) within min..max; <paramref name="fallback"/> when absent.</summary>
    public long Integer(string key, long min, long max, long fallback, string expected)
    {
        string? text = Raw(key);
        if (text is null)
        {
            return fallback;
        }

        if (!TryInteger(text, out long value))
        {
            throw Error(key, $"\"{text}\" is not a whole number; expected {expected}");
        }

        if (value < min || value > max)
        {
            throw Error(key, $"{text} is out of range; expected {expected}");
        }

        return value;
    }

    /// <summary>A GPIO number 0..1023, or "none" (−1); −1 when absent.</summary>
    public int Pin(string key)
    {
        string? text = Raw(key);
        if (text is not null && text.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return -1;
        }

        return (int)Integer(key, 0, 1023, -1, "a GPIO number 0..1023 or none");
    }

    /// <summary>One of <paramref name="choices"/> (case-insensitive), returned lower-cased; <paramref name="fallback"/> when absent.</summary>
    public string Choice(string key, IReadOnlyList<string> choices, string fallback)
    {
        string? text = Raw(key);
        if (text is null)
        {
            return fallback;
        }

        string lower = text.ToLowerInvariant();
        return choices.Contains(lower)
            ? lower
            : throw Error(key, $"\"{text}\" is not one of {string.Join(", ", choices)}");
    }

    /// <summary>Parses a decimal or 0x-prefixed hexadecimal whole number.</summary>
    public static bool TryInteger(string text, out long value)
    {
        string trimmed = text.Trim().Replace("_", "", StringComparison.Ordinal);
        if (trimmed.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            return long.TryParse(trimmed.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value) && value >= 0;
        }

        return long.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }
}
