namespace Spiking.Edge.Devices.Transforms;

/// <summary>
/// A bad <c>--transform</c> specification: the message is one line naming the element by position and text, e.g.
/// <c>transform element 2 "downsample:34y34": "34y34" is not WIDTHxHEIGHT or a factor</c>.
/// </summary>
public sealed class TransformSpecException : ArgumentException
{
    /// <summary>Creates the error for element <paramref name="elementNumber"/> (1-based; 0 for the whole spec).</summary>
    /// <param name="elementNumber">1-based position of the bad element, 0 when the spec as a whole is bad.</param>
    /// <param name="element">Text of the bad element (the whole spec when <paramref name="elementNumber"/> is 0).</param>
    /// <param name="reason">What is wrong.</param>
    public TransformSpecException(int elementNumber, string element, string reason)
        : base(reason, "spec")
    {
        ElementNumber = elementNumber;
        Element = element;
        Reason = reason;
    }

    /// <summary>1-based position of the bad element in the spec (0 when the spec as a whole is bad).</summary>
    public int ElementNumber { get; }

    /// <summary>Text of the bad element.</summary>
    public string Element { get; }

    /// <summary>What is wrong with it.</summary>
    public string Reason { get; }

    /// <summary>One line: the element's position and text, then the reason.</summary>
    public override string Message => ElementNumber > 0
        ? $"transform element {ElementNumber} \"{Element}\": {Reason}"
        : $"transform spec \"{Element}\": {Reason}";
}
