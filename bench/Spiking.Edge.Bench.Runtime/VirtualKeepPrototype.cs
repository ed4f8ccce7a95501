using Spiking.Edge.Runtime.Events;
using Spiking.Edge.Runtime.Events.Transforms;

namespace Spiking.Edge.Bench.Runtime;

/// <summary>
/// Option (a) of the transform clean-up, measured against the shipped transforms: one shared in-place compaction loop
/// (range check, geometry check, write-back) in an abstract base that calls a per-event virtual <see cref="Keep"/>.
/// Keep rewrites the event in the array and the loop then moves it; a <c>Keep(ref Event)</c> signature on a local
/// copy measured the same or slower (README, (d)).
/// The four subclasses reproduce <see cref="CropCentre"/>, <see cref="RefractoryFilter"/>,
/// <see cref="NeighbourDenoise"/> and <see cref="PolarityMerge"/> event for event (the benchmark checks it).
/// </summary>
internal abstract class VirtualKeepPrototype
{
    protected VirtualKeepPrototype(int inputWidth, int inputHeight)
    {
        InputWidth = inputWidth;
        InputHeight = inputHeight;
    }

    public int InputWidth { get; }

    public int InputHeight { get; }

    /// <summary>The shared loop: events inside the geometry with polarity ≤ 1 that <see cref="Keep"/> accepts move down.</summary>
    public int Apply(Event[] events, int offset, int count)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, events.Length - offset);
        int width = InputWidth;
        int height = InputHeight;
        int write = offset;
        int end = offset + count;
        for (int read = offset; read < end; read++)
        {
            Event e = events[read];
            if (e.X >= width || e.Y >= height || e.Polarity > 1 || !Keep(events, read))
            {
                continue;
            }

            events[write] = events[read];
            write++;
        }

        return write - offset;
    }

    public abstract void Reset();

    /// <summary>Whether events[index] (inside the geometry) is kept; may rewrite it in place.</summary>
    protected abstract bool Keep(Event[] events, int index);

    /// <summary><see cref="CropCentre"/> through the virtual loop.</summary>
    public sealed class Crop(int inputWidth, int inputHeight, int cropWidth, int cropHeight) : VirtualKeepPrototype(inputWidth, inputHeight)
    {
        private readonly int _left = (inputWidth - cropWidth) / 2;
        private readonly int _top = (inputHeight - cropHeight) / 2;

        public override void Reset()
        {
        }

        protected override bool Keep(Event[] events, int index)
        {
            ref Event e = ref events[index];
            int x = e.X - _left;
            int y = e.Y - _top;
            if (x < 0 || y < 0 || x >= cropWidth || y >= cropHeight)
            {
                return false;
            }

            e.X = (ushort)x;
            e.Y = (ushort)y;
            return true;
        }
    }

    /// <summary><see cref="RefractoryFilter"/> through the virtual loop.</summary>
    public sealed class Refractory : VirtualKeepPrototype
    {
        private readonly long _period;
        private readonly long[] _lastKept;

        public Refractory(int inputWidth, int inputHeight, long periodMicroseconds)
            : base(inputWidth, inputHeight)
        {
            _period = periodMicroseconds;
            _lastKept = new long[inputWidth * inputHeight];
            Reset();
        }

        public override void Reset() => Array.Fill(_lastKept, long.MinValue);

        protected override bool Keep(Event[] events, int index)
        {
            ref Event e = ref events[index];
            int pixel = (e.Y * InputWidth) + e.X;
            long last = _lastKept[pixel];
            if (last != long.MinValue && e.TimestampMicroseconds - last < _period)
            {
                return false;
            }

            _lastKept[pixel] = e.TimestampMicroseconds;
            return true;
        }
    }

    /// <summary><see cref="NeighbourDenoise"/> (includeSelf false) through the virtual loop.</summary>
    public sealed class Denoise : VirtualKeepPrototype
    {
        private readonly long _window;
        private readonly long[] _lastTime;

        public Denoise(int inputWidth, int inputHeight, long windowMicroseconds)
            : base(inputWidth, inputHeight)
        {
            _window = windowMicroseconds;
            _lastTime = new long[inputWidth * inputHeight];
            Reset();
        }

        public override void Reset() => Array.Fill(_lastTime, long.MinValue);

        protected override bool Keep(Event[] events, int index)
        {
            ref Event e = ref events[index];
            int x = e.X;
            int y = e.Y;
            long t = e.TimestampMicroseconds;
            int width = InputWidth;
            int x0 = x > 0 ? x - 1 : 0;
            int x1 = x < width - 1 ? x + 1 : x;
            int y0 = y > 0 ? y - 1 : 0;
            int y1 = y < InputHeight - 1 ? y + 1 : y;
            bool supported = false;
            for (int qy = y0; qy <= y1 && !supported; qy++)
            {
                for (int qx = x0; qx <= x1; qx++)
                {
                    long s = _lastTime[(qy * width) + qx];
                    if ((qx != x || qy != y) && s != long.MinValue && t - s <= _window)
                    {
                        supported = true;
                        break;
                    }
                }
            }

            _lastTime[(y * width) + x] = t;
            return supported;
        }
    }

    /// <summary><see cref="PolarityMerge"/> in <see cref="PolarityMode.Merge"/> through the virtual loop.</summary>
    public sealed class Merge(int inputWidth, int inputHeight) : VirtualKeepPrototype(inputWidth, inputHeight)
    {
        public override void Reset()
        {
        }

        protected override bool Keep(Event[] events, int index)
        {
            ref Event e = ref events[index];
            e.Polarity = 0;
            return true;
        }
    }
}
