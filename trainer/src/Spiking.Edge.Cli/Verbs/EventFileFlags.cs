using System.CommandLine;
using Spiking.Edge.Devices.Formats;
using Spiking.Edge.Devices.Formats.Aedat;
using Spiking.Edge.Devices.Transforms;
using Spiking.Edge.Runtime.Events.Transforms;

namespace Spiking.Edge.Cli.Verbs;

/// <summary>The flags of the verbs reading event files (--aedat2-sensor, --transform) and the checks on event file paths.</summary>
internal sealed class EventFileFlags
{
    public Option<string?> Aedat2Sensor { get; } = new("--aedat2-sensor")
    {
        Description = "Sensor of AEDAT 2.0 files whose header names no known chip ('# AEChip:'): davis346, davis240 or dvs128.",
    };

    public Option<string?> Transform { get; } = new("--transform")
    {
        Description = "Transforms applied to the events, in order, e.g. crop:128x128,downsample:34x34,denoise:5000,refractory:1000,polarity:merge "
            + "(elements crop, downsample, denoise, refractory, polarity; see devices/src/Spiking.Edge.Devices/Transforms/README.md).",
    };

    public void AddTo(Command command) => command.Add(Aedat2Sensor);

    public void AddTransformTo(Command command) => command.Add(Transform);

    /// <summary>The pipeline --transform asks for on a sensor of the given size, or null without the flag.</summary>
    public EventPipeline? Pipeline(ParseResult parse, int width, int height, string file)
    {
        string? spec = parse.GetValue(Transform);
        if (spec == null)
        {
            return null;
        }

        if (width < 1 || height < 1)
        {
            throw new CliException($"--transform needs the sensor size, which '{file}' does not give");
        }

        try
        {
            return TransformSpec.Parse(spec, width, height);
        }
        catch (TransformSpecException e)
        {
            throw new CliException($"--transform: {e.Message}");
        }
    }

    /// <summary>The AEDAT 2.0 sensor the flag names, or null (infer it from the file's header).</summary>
    public Aedat2Options? Aedat2(ParseResult parse) => parse.GetValue(Aedat2Sensor)?.ToLowerInvariant() switch
    {
        null => null,
        "davis346" => Aedat2Options.Davis346,
        "davis240" => Aedat2Options.Davis240,
        "dvs128" => Aedat2Options.Dvs128,
        string other => throw new CliException($"--aedat2-sensor must be davis346, davis240 or dvs128, found '{other}'"),
    };

    /// <summary>Opens an event file for streaming after checking that it exists.</summary>
    public EventFileReader Open(ParseResult parse, string path, string what)
    {
        CliFiles.RequireFile(path, what);
        return EventFiles.Open(path, Aedat2(parse));
    }

    /// <summary>Reads a whole event file after checking that it exists.</summary>
    public EventRecording ReadAll(ParseResult parse, string path, string what)
    {
        CliFiles.RequireFile(path, what);
        return EventFiles.ReadAll(path, Aedat2(parse));
    }
}
