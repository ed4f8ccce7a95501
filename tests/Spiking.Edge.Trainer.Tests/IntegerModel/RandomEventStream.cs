using Spiking.Edge.Runtime.Events;

namespace Spiking.Edge.Trainer.Tests.IntegerModel;

/// <summary>
/// Seeded random event streams that exercise every input rule of semantics §2: events before t0 and after the
/// window, out-of-geometry events (x, y or p too large), out-of-order events, and bursts at one pixel and time.
/// </summary>
/// <remarks>
/// Out-of-geometry events come at a new time (so they open a tick, semantics §2 check order), at the latest time,
/// or late (so the out-of-order rule applies first).
/// </remarks>
internal static class RandomEventStream
{
    public static Event[] Create(Random random, int width, int height, int polarities, int tickMicroseconds, int ticks, int count, long t0 = 0)
    {
        var events = new List<Event>(count);
        long window = (long)tickMicroseconds * ticks;
        long t = t0 - random.Next(0, 3 * tickMicroseconds);
        long latest = t0 - 1;
        while (events.Count < count)
        {
            t += random.Next(0, Math.Max(1, (int)(3 * window / Math.Max(1, count))));
            int kind = random.Next(100);
            if (kind < 4)
            {
                // out of geometry: opening a tick, at the latest time, or late
                int when = random.Next(3);
                long at = when == 0 ? t : when == 1 ? latest : latest - random.Next(0, 2 * tickMicroseconds);
                latest = Math.Max(latest, at);
                int which = random.Next(3);
                ushort x = (ushort)(which == 0 ? width + random.Next(0, 4) : random.Next(width));
                ushort y = (ushort)(which == 1 ? height + random.Next(0, 4) : random.Next(height));
                byte p = (byte)(which == 2 ? random.Next(2, 256) : random.Next(2));
                events.Add(new Event(x, y, p, at));
            }
            else if (kind < 7 && latest - t0 > 2 * tickMicroseconds)
            {
                // late: one or two ticks before the latest event
                long late = latest - random.Next(tickMicroseconds, 2 * tickMicroseconds);
                events.Add(new Event((ushort)random.Next(width), (ushort)random.Next(height), (byte)random.Next(2), late));
            }
            else if (kind < 12)
            {
                // a burst at one pixel and time
                latest = t;
                var e = new Event((ushort)random.Next(width), (ushort)random.Next(height), (byte)random.Next(2), latest);
                int burst = random.Next(2, 12);
                for (int b = 0; b < burst && events.Count < count; b++)
                {
                    events.Add(e);
                }
            }
            else
            {
                latest = t;
                events.Add(new Event((ushort)random.Next(width), (ushort)random.Next(height), (byte)random.Next(2), latest));
            }
        }

        return events.ToArray();
    }
}
