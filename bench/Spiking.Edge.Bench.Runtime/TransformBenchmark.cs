using Spiking.Edge.Runtime.Events;
using Spiking.Edge.Runtime.Events.Transforms;

namespace Spiking.Edge.Bench.Runtime;

/// <summary>
/// (d) Event transforms (<c>--only transforms</c>): the shipped in-place loops against the same filters written as
/// one shared loop with a per-event virtual call (<see cref="VirtualKeepPrototype"/>), on real N-MNIST events
/// (34 × 34) joined into one time-ordered stream, fed in chunks of <see cref="ChunkEvents"/> events. Every chunk is
/// copied into the work buffer before <c>Apply</c> (the transforms work in place); a copy-only pass is timed too
/// and subtracted, so the "net" columns are the transform alone.
/// </summary>
internal static class TransformBenchmark
{
    /// <summary>Events per Apply call (16 KiB of events: the work buffer stays in L1).</summary>
    public const int ChunkEvents = 1024;

    private const int Side = 34;

    public static void Run(BenchOptions options)
    {
        SampleSet set = SampleSet.Load(options.DataFolder, options.Samples);
        Event[] stream = JoinedStream(set.Samples);
        var work = new Event[ChunkEvents];
        var pairs = new[]
        {
            new Pair("CropCentre 34x34 -> 28x28", new CropCentre(Side, Side, 28, 28), new VirtualKeepPrototype.Crop(Side, Side, 28, 28)),
            new Pair("RefractoryFilter 1 ms", new RefractoryFilter(Side, Side, 1000), new VirtualKeepPrototype.Refractory(Side, Side, 1000)),
            new Pair("NeighbourDenoise 5 ms", new NeighbourDenoise(Side, Side, 5000, false), new VirtualKeepPrototype.Denoise(Side, Side, 5000)),
            new Pair("PolarityMerge Merge", new PolarityMerge(Side, Side, PolarityMode.Merge), new VirtualKeepPrototype.Merge(Side, Side)),
        };
        foreach (Pair pair in pairs)
        {
            pair.Verify(stream, work);
        }

        Console.WriteLine($"## (d) transforms: {stream.Length:N0} N-MNIST events ({set.Samples.Length} training files, 34x34) in chunks of "
            + $"{ChunkEvents}, copy + Apply per chunk, median of {options.Repeats} repeats after 1 warm-up, all variants interleaved, 1 thread");
        var copy = new Measurement();
        void CopyOnly()
        {
            for (int from = 0; from < stream.Length; from += ChunkEvents)
            {
                Array.Copy(stream, from, work, 0, Math.Min(ChunkEvents, stream.Length - from));
            }
        }

        CopyOnly();
        foreach (Pair pair in pairs)
        {
            pair.Shipped.Run(stream, work);
            pair.Virtual.Run(stream, work);
        }

        for (int r = 0; r < options.Repeats; r++)
        {
            copy.Time(CopyOnly);
            foreach (Pair pair in pairs)
            {
                pair.Shipped.Time(stream, work);
                pair.Virtual.Time(stream, work);
            }
        }

        double copySeconds = copy.MedianCpu;
        Console.WriteLine($"copy only: {stream.Length / copySeconds / 1e6:F0} M events/s ({copySeconds * 1e9 / stream.Length:F2} ns per event, subtracted below)");
        Console.WriteLine($"| transform | kept | shipped loop ns/event (net) | virtual Keep ns/event (net) | virtual / shipped (net) "
            + $"| shipped M ev/s (net) | virtual M ev/s (net) | virtual / shipped (copy included) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (Pair pair in pairs)
        {
            double shipped = pair.Shipped.Measurement.MedianCpu;
            double virtualLoop = pair.Virtual.Measurement.MedianCpu;
            double shippedNet = shipped - copySeconds;
            double virtualNet = virtualLoop - copySeconds;
            Console.WriteLine($"| {pair.Name} | {pair.KeptFraction:P1} | {shippedNet * 1e9 / stream.Length:F2} | {virtualNet * 1e9 / stream.Length:F2} "
                + $"| {virtualNet / shippedNet:F2} | {stream.Length / shippedNet / 1e6:F0} | {stream.Length / virtualNet / 1e6:F0} "
                + $"| {virtualLoop / shipped:F2} |");
        }

        Console.WriteLine();
    }

    /// <summary>The samples one after the other, each shifted to start 1 ms after the previous one ended.</summary>
    private static Event[] JoinedStream(Event[][] samples)
    {
        var stream = new Event[samples.Sum(s => s.Length)];
        int at = 0;
        long shift = 0;
        foreach (Event[] sample in samples)
        {
            long last = 0;
            foreach (Event e in sample)
            {
                Event shifted = e;
                shifted.TimestampMicroseconds += shift;
                stream[at++] = shifted;
                last = Math.Max(last, shifted.TimestampMicroseconds);
            }

            shift = last + 1000;
        }

        return stream;
    }

    private sealed class Pair(string name, IEventTransform shipped, VirtualKeepPrototype virtualLoop)
    {
        public string Name { get; } = name;

        public Variant Shipped { get; } = new(shipped.Apply, shipped.Reset);

        public Variant Virtual { get; } = new(virtualLoop.Apply, virtualLoop.Reset);

        public double KeptFraction { get; private set; }

        /// <summary>Both variants keep the same events, rewritten the same way; the program stops if not.</summary>
        public void Verify(Event[] stream, Event[] work)
        {
            List<Event> shippedOut = Shipped.Output(stream, work);
            List<Event> virtualOut = Virtual.Output(stream, work);
            if (!shippedOut.Select(Fields).SequenceEqual(virtualOut.Select(Fields)))
            {
                throw new InvalidOperationException($"{Name}: the virtual-Keep prototype's output differs from the shipped transform's");
            }

            KeptFraction = (double)shippedOut.Count / stream.Length;
        }

        private static (ushort X, ushort Y, byte Polarity, long Time) Fields(Event e) => (e.X, e.Y, e.Polarity, e.TimestampMicroseconds);
    }

    private sealed class Variant(Func<Event[], int, int, int> apply, Action reset)
    {
        public Measurement Measurement { get; } = new();

        public long Run(Event[] stream, Event[] work)
        {
            reset();
            long kept = 0;
            for (int from = 0; from < stream.Length; from += ChunkEvents)
            {
                int count = Math.Min(ChunkEvents, stream.Length - from);
                Array.Copy(stream, from, work, 0, count);
                kept += apply(work, 0, count);
            }

            return kept;
        }

        public void Time(Event[] stream, Event[] work) => Measurement.Time(() => Run(stream, work));

        public List<Event> Output(Event[] stream, Event[] work)
        {
            reset();
            var output = new List<Event>();
            for (int from = 0; from < stream.Length; from += ChunkEvents)
            {
                int count = Math.Min(ChunkEvents, stream.Length - from);
                Array.Copy(stream, from, work, 0, count);
                int kept = apply(work, 0, count);
                output.AddRange(work.AsSpan(0, kept).ToArray());
            }

            return output;
        }
    }
}
