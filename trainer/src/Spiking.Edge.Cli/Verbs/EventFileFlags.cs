using System.CommandLine;
using Spiking.Edge.Devices.Formats;
using Spiking.Edge.Devices.Formats.Aedat;

namespace Spiking.Edge.Cli.Verbs;

/// <summary>The flag every verb reading event files shares (--aedat2-sensor) and the checks on event file paths.</summary>
internal sealed class EventFileFlags
{
    public Option<string?> Aedat2Sensor { get; } = new("--aedat2-sensor")
    {
        Description = "Sensor of AEDAT 2.0 files whose header names no known chip ('# AEChip:'): davis346, davis240 or dvs128.",
    };

    public void AddTo(Command command) => command.Add(Aedat2Sensor);

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
