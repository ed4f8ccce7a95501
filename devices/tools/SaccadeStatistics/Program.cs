// Usage: dotnet run -c Release --project devices/tools/SaccadeStatistics -- <images-idx3-ubyte[.gz]> [count] [threshold] [epsilon]
// Converts the first `count` images (default 10,000; the file's images repeat cyclically when it holds fewer) in
// parallel with the default SaccadeOptions and prints wall time and event statistics.
using System.Diagnostics;
using System.IO.Compression;
using Spiking.Edge.Devices.Conversion;

if (args.Length < 1)
{
    Console.Error.WriteLine("usage: SaccadeStatistics <images-idx3-ubyte[.gz]> [count] [threshold] [epsilon]");
    return 2;
}

byte[] raw;
using (Stream file = File.OpenRead(args[0]))
using (Stream input = args[0].EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file)
using (var memory = new MemoryStream())
{
    input.CopyTo(memory);
    raw = memory.ToArray();
}

int ReadBigEndian(int at) => (raw[at] << 24) | (raw[at + 1] << 16) | (raw[at + 2] << 8) | raw[at + 3];
if (raw.Length < 16 || ReadBigEndian(0) != 0x803)
{
    Console.Error.WriteLine($"{args[0]}: not an IDX image file (magic 0x00000803 expected)");
    return 1;
}

int images = ReadBigEndian(4), rows = ReadBigEndian(8), cols = ReadBigEndian(12);
int count = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10_000;
var options = new SaccadeOptions();
if (args.Length > 2)
{
    options = options with { ContrastThreshold = double.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) };
}

if (args.Length > 3)
{
    options = options with { LogEpsilon = double.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) };
}

var counts = new int[count];
var onCounts = new int[count];
var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
var watch = Stopwatch.StartNew();
Parallel.For(0, count, i =>
{
    var pixels = new byte[rows * cols];
    Array.Copy(raw, 16 + ((long)(i % images) * rows * cols), pixels, 0, pixels.Length);
    var events = SaccadeConverter.Convert(pixels, cols, rows, options);
    counts[i] = events.Length;
    int on = 0;
    foreach (var e in events)
    {
        on += e.Polarity;
    }

    onCounts[i] = on;
});
watch.Stop();
var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;

Array.Sort(counts);
double mean = counts.Average();
double sd = Math.Sqrt(counts.Select(c => (c - mean) * (c - mean)).Average());
Console.WriteLine($"{count} images {cols}x{rows} on {Environment.ProcessorCount} cores: {watch.Elapsed.TotalSeconds:F2} s ({watch.Elapsed.TotalMilliseconds * 1000 / count:F0} us/image)");
Console.WriteLine($"CPU time {cpu.TotalSeconds:F2} s ({cpu.TotalMilliseconds * 1000 / count:F0} us/image on one core; wall time depends on machine load)");
Console.WriteLine($"threshold {options.ContrastThreshold}, epsilon {options.LogEpsilon}, mismatch {options.ThresholdMismatch}");
Console.WriteLine($"events/image: mean {mean:F0}, SD {sd:F0}, median {counts[count / 2]}, 5-95 % {counts[count / 20]}-{counts[count * 19 / 20]}, min {counts[0]}, max {counts[^1]}; ON {100.0 * onCounts.Sum(c => (long)c) / counts.Sum(c => (long)c):F1} %");
return 0;
