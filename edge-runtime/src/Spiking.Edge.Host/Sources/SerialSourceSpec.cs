namespace Spiking.Edge.Host.Sources;

/// <summary>
/// <c>serial:PORT[,baud=B][,timeout-ms=T][,width=W][,height=H]</c>: a board forwarding its sensor's EVT 2.1 words in
/// SE21 frames (devices/…/Sources/Serial/README.md).
/// </summary>
public sealed record SerialSourceSpec : EventSourceSpec
{
    /// <summary>The keys after the port.</summary>
    public static IReadOnlyList<string> Keys { get; } = ["baud", "timeout-ms", "width", "height"];

    /// <summary>Creates the specification with the defaults.</summary>
    /// <param name="text">The specification as given.</param>
    /// <param name="portName">E.g. "/dev/ttyUSB0" or "COM3".</param>
    public SerialSourceSpec(string text, string portName)
        : base(text)
    {
        PortName = portName;
    }

    /// <summary>The port, e.g. "/dev/ttyUSB0".</summary>
    public string PortName { get; }

    /// <summary>Bits per second, <c>baud</c> (default 921,600; USB CDC ports ignore it).</summary>
    public int BaudRate { get; init; } = 921_600;

    /// <summary>How long one read waits for bytes in ms, <c>timeout-ms</c> (1..60,000; default 100).</summary>
    public int ReadTimeoutMilliseconds { get; init; } = 100;

    /// <summary>Sensor width for the geometry check, <c>width</c> (1..2048; default 320, a GenX320).</summary>
    public int Width { get; init; } = 320;

    /// <summary>Sensor height, <c>height</c> (1..2048; default 320).</summary>
    public int Height { get; init; } = 320;

    /// <inheritdoc/>
    public override EventSourceKind Kind => EventSourceKind.Serial;

    /// <summary>Parses what follows <c>serial:</c>.</summary>
    internal static SerialSourceSpec FromArguments(string text, string arguments)
    {
        string[] elements = arguments.Split(',');
        string port = elements[0].Trim();
        if (port.Length == 0 || port.Contains('=', StringComparison.Ordinal))
        {
            throw new EventSourceSpecException(text, null, "serial: needs the port first, e.g. serial:/dev/ttyUSB0,baud=921600");
        }

        var values = new SpecArguments(text, elements.Skip(1), Keys);
        var spec = new SerialSourceSpec(text, port);
        return spec with
        {
            BaudRate = (int)values.Integer("baud", 1, 100_000_000, spec.BaudRate, "bits per second 1..100000000"),
            ReadTimeoutMilliseconds = (int)values.Integer("timeout-ms", 1, 60_000, spec.ReadTimeoutMilliseconds, "milliseconds 1..60000"),
            Width = (int)values.Integer("width", 1, 2048, spec.Width, "pixels 1..2048"),
            Height = (int)values.Integer("height", 1, 2048, spec.Height, "pixels 1..2048"),
        };
    }
}
