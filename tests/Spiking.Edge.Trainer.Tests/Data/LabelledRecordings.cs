using Spiking.Edge.Devices.Formats;
using Spiking.Edge.Runtime.Events;

namespace Spiking.Edge.Trainer.Tests.Data;

/// <summary>Crafted labelled recordings (<c>root/split/label/file</c>) written with <see cref="EventFiles.Write"/>.</summary>
internal static class LabelledRecordings
{
    /// <summary>The writable formats with an extension each is recognised by (RAW and AEDAT 4.0 by content anyway).</summary>
    public static readonly (EventWriteFormat Format, string Extension)[] Formats =
    [
        (EventWriteFormat.NMnist, ".bin"),
        (EventWriteFormat.Evt21, ".raw"),
        (EventWriteFormat.Evt21Legacy, ".raw"),
        (EventWriteFormat.Evt3, ".raw"),
        (EventWriteFormat.Aedat4, ".aedat4"),
    ];

    /// <summary>Random time-ordered events on a width × height sensor, both polarities, times from 0 to about count × 250 µs.</summary>
    public static Event[] Random(Random random, int count, int width, int height)
    {
        var events = new Event[count];
        long t = 0;
        for (int i = 0; i < count; i++)
        {
            t += random.Next(500);
            events[i] = new Event((ushort)random.Next(width), (ushort)random.Next(height), (byte)random.Next(2), t);
        }

        return events;
    }

    /// <summary>Writes <paramref name="events"/> to <c>root/split/label/name</c> and returns the path.</summary>
    public static string Write(string root, string split, string label, string name, Event[] events, int width, int height, EventWriteFormat format)
    {
        string folder = Path.Combine(root, split, label);
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, name);
        EventFiles.Write(path, events, width, height, format);
        return path;
    }

    /// <summary>The events as comparable tuples.</summary>
    public static (int X, int Y, int P, long T)[] Tuples(IEnumerable<Event> events) =>
        [.. events.Select(e => ((int)e.X, (int)e.Y, (int)e.Polarity, e.TimestampMicroseconds))];
}
