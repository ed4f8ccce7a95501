using System.Globalization;
using Spiking.Edge.Runtime.Events.Transforms;

namespace Spiking.Edge.Devices.Transforms;

/// <summary>
/// Parses a transform specification such as <c>crop:128x128,downsample:34x34,denoise:5000,refractory:1000,polarity:merge</c>
/// into an <see cref="EventPipeline"/>, so that the CLI and the trainer can take <c>--transform SPEC</c>.
/// </summary>
/// <remarks>
/// Elements are separated by commas and run in order; each is <c>name:argument[:option]...</c>, names and options
/// case-insensitive, blanks around elements ignored. Each element's input geometry is the previous element's output
/// (the first gets the sensor's). Times are integer microseconds.
/// <list type="bullet">
/// <item><c>crop:WxH</c> — a W × H window centred on the input; <c>crop:WxH+L+T</c> — the window whose top-left pixel is (L, T) (X11 geometry style).</item>
/// <item><c>downsample:WxH</c> — to a W × H target (x' = floor(x·W/width)); <c>downsample:F</c> — by integer factor F
/// (ceil(width/F) × ceil(height/F)); option <c>k=N</c> — a cell and polarity fires once per N input events.</item>
/// <item><c>denoise:US</c> — keep events with a neighbour event at most US µs earlier; option <c>self</c> — the own pixel counts too.</item>
/// <item><c>refractory:US</c> — drop events less than US µs after the pixel's last kept event.</item>
/// <item><c>polarity:merge</c>, <c>polarity:on</c>, <c>polarity:off</c> — one channel: all polarities 0, ON only or OFF only.</item>
/// </list>
/// Errors are <see cref="TransformSpecException"/>s naming the element.
/// </remarks>
public static class TransformSpec
{
    /// <summary>The element names, in the order the README documents them.</summary>
    public static IReadOnlyList<string> ElementNames { get; } = ["crop", "downsample", "denoise", "refractory", "polarity"];

    /// <summary>Builds the pipeline a spec describes for a sensor of the given geometry.</summary>
    /// <param name="spec">Comma-separated elements (see the remarks).</param>
    /// <param name="inputWidth">Sensor width in pixels.</param>
    /// <param name="inputHeight">Sensor height in pixels.</param>
    /// <returns>The pipeline; its output geometry is the last element's.</returns>
    /// <exception cref="TransformSpecException">The spec is empty, or an element is unknown, malformed or does not fit its input.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The sensor geometry is out of range.</exception>
    public static EventPipeline Parse(string spec, int inputWidth, int inputHeight)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (inputWidth < 1 || inputHeight < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(inputWidth), $"sensor geometry {inputWidth} x {inputHeight} must be positive");
        }

        if (string.IsNullOrWhiteSpace(spec))
        {
            throw new TransformSpecException(0, spec, "is empty; expected elements such as crop:128x128,downsample:34x34");
        }

        string[] elements = spec.Split(',');
        var stages = new List<IEventTransform>();
        int width = inputWidth, height = inputHeight;
        for (int i = 0; i < elements.Length; i++)
        {
            string element = elements[i].Trim();
            IEventTransform stage = ParseElement(i + 1, element, width, height);
            stages.Add(stage);
            width = stage.OutputWidth;
            height = stage.OutputHeight;
        }

        return new EventPipeline([.. stages]);
    }

    private static IEventTransform ParseElement(int number, string element, int width, int height)
    {
        string[] parts = element.Split(':');
        string name = parts[0].Trim().ToLowerInvariant();
        if (name.Length == 0)
        {
            throw new TransformSpecException(number, element, "is empty (two commas in a row, or a trailing comma?)");
        }

        if (!ElementNames.Contains(name))
        {
            throw new TransformSpecException(number, element, $"unknown transform \"{name}\"; expected one of {string.Join(", ", ElementNames)}");
        }

        if (parts.Length < 2 || parts[1].Trim().Length == 0)
        {
            throw new TransformSpecException(number, element, $"{name} needs an argument: {Usage(name)}");
        }

        var parsed = new Element(number, element, name, parts[1].Trim(), [.. parts.Skip(2).Select(p => p.Trim().ToLowerInvariant())]);
        try
        {
            return name switch
            {
                "crop" => Crop(parsed, width, height),
                "downsample" => Downsample(parsed, width, height),
                "denoise" => Denoise(parsed, width, height),
                "refractory" => Refractory(parsed, width, height),
                _ => Polarity(parsed, width, height),
            };
        }
        catch (ArgumentException e) when (e is not TransformSpecException)
        {
            // A value the transform refuses (a window larger than its input, a zero period): keep its one-line reason.
            throw new TransformSpecException(number, element, $"{e.Message.Split(" (Parameter")[0]} (input {width} x {height})");
        }
    }

    private static string Usage(string name) => name switch
    {
        "crop" => "crop:WxH or crop:WxH+LEFT+TOP",
        "downsample" => "downsample:WxH or downsample:FACTOR, optionally :k=N",
        "denoise" => "denoise:MICROSECONDS, optionally :self",
        "refractory" => "refractory:MICROSECONDS",
        _ => "polarity:merge, polarity:on or polarity:off",
    };

    private static IEventTransform Crop(Element e, int width, int height)
    {
        e.NoOptions();
        string[] parts = e.Argument.Split('+');
        if (parts.Length != 1 && parts.Length != 3)
        {
            throw e.Error($"\"{e.Argument}\" is neither WxH nor WxH+LEFT+TOP; expected {Usage("crop")}");
        }

        var (cropWidth, cropHeight) = e.Size(parts[0]) ?? throw e.Error($"\"{parts[0]}\" is not WxH; expected {Usage("crop")}");
        if (parts.Length == 1)
        {
            return new CropCentre(width, height, cropWidth, cropHeight);
        }

        if (!TryInt(parts[1], out int left) || !TryInt(parts[2], out int top))
        {
            throw e.Error($"\"+{parts[1]}+{parts[2]}\" is not +LEFT+TOP; expected {Usage("crop")}");
        }

        return new CropCentre(width, height, left, top, cropWidth, cropHeight);
    }

    private static IEventTransform Downsample(Element e, int width, int height)
    {
        int threshold = 1;
        foreach (string option in e.Options)
        {
            if (!option.StartsWith("k=", StringComparison.Ordinal) || !TryInt(option[2..], out threshold))
            {
                throw e.Error($"unknown option \"{option}\"; expected {Usage("downsample")}");
            }
        }

        if (e.Options.Length > 1)
        {
            throw e.Error("k is given more than once");
        }

        if (e.Size(e.Argument) is (int targetWidth, int targetHeight))
        {
            return new SpatialDownsample(width, height, targetWidth, targetHeight, threshold);
        }

        if (TryInt(e.Argument, out int factor))
        {
            return SpatialDownsample.ByFactor(width, height, factor, threshold);
        }

        throw e.Error($"\"{e.Argument}\" is not WxH or a factor; expected {Usage("downsample")}");
    }

    private static IEventTransform Denoise(Element e, int width, int height)
    {
        bool self = false;
        foreach (string option in e.Options)
        {
            if (option != "self" || self)
            {
                throw e.Error(option == "self" ? "self is given more than once" : $"unknown option \"{option}\"; expected {Usage("denoise")}");
            }

            self = true;
        }

        return new NeighbourDenoise(width, height, e.Microseconds(Usage("denoise")), self);
    }

    private static IEventTransform Refractory(Element e, int width, int height)
    {
        e.NoOptions();
        return new RefractoryFilter(width, height, e.Microseconds(Usage("refractory")));
    }

    private static IEventTransform Polarity(Element e, int width, int height)
    {
        e.NoOptions();
        PolarityMode mode = e.Argument.ToLowerInvariant() switch
        {
            "merge" => PolarityMode.Merge,
            "on" => PolarityMode.OnOnly,
            "off" => PolarityMode.OffOnly,
            _ => throw e.Error($"unknown mode \"{e.Argument}\"; expected {Usage("polarity")}"),
        };
        return new PolarityMerge(width, height, mode);
    }

    private static bool TryInt(string text, out int value) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out value);

    /// <summary>One element being parsed: its position, text, name, argument and lower-cased options.</summary>
    private sealed record Element(int Number, string Text, string Name, string Argument, string[] Options)
    {
        public TransformSpecException Error(string reason) => new(Number, Text, reason);

        public void NoOptions()
        {
            if (Options.Length > 0)
            {
                throw Error($"{Name} takes no option; expected {Usage(Name)}");
            }
        }

        public (int Width, int Height)? Size(string text)
        {
            string[] sides = text.ToLowerInvariant().Split('x');
            return sides.Length == 2 && TryInt(sides[0], out int w) && TryInt(sides[1], out int h) ? (w, h) : null;
        }

        public long Microseconds(string usage) =>
            long.TryParse(Argument, NumberStyles.None, CultureInfo.InvariantCulture, out long value)
                ? value
                : throw Error($"\"{Argument}\" is not a whole number of microseconds; expected {usage}");
    }
}
