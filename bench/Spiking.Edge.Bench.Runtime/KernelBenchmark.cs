using Spiking.Edge.Runtime.Accelerators;
using Spiking.Edge.Runtime.Kernels;

namespace Spiking.Edge.Bench.Runtime;

/// <summary>
/// (a) The DENSE inner loop alone: 800-wide int8 rows picked at random from a 2312 × 800 matrix (1.85 MB, the
/// first layer of 2312-800-10), 4,108 rows per sample (the N-MNIST mean), added into 800 int32 membranes, one thread.
/// </summary>
internal static class KernelBenchmark
{
    public const int Inputs = 2312;
    public const int Width = 800;
    public const int RowsPerSample = 4108;

    public static void Run(BenchOptions options)
    {
        var random = new Random(options.Seed);
        var matrix = new byte[Inputs * Width];
        for (int i = 0; i < matrix.Length; i++)
        {
            matrix[i] = (byte)(sbyte)random.Next(-127, 128);
        }

        var rows = new int[options.Samples * RowsPerSample];
        for (int i = 0; i < rows.Length; i++)
        {
            rows[i] = random.Next(Inputs);
        }

        var candidates = new List<Candidate> { new("scalar", new ScalarRowAccumulator()) };
        foreach (var path in Enum.GetValues<SimdPath>().Where(SimdRowAccumulator.IsSupported))
        {
            candidates.Add(new($"SIMD {path}", new SimdRowAccumulator(path)));
        }

        Console.WriteLine($"## (a) kernel: {Width}-wide int8 row-add into int32, random rows of a {Inputs}x{Width} matrix, "
            + $"{RowsPerSample} rows per sample, {options.Samples} samples per repeat, median of {options.Repeats} repeats "
            + "after 1 warm-up, accumulators interleaved, 1 thread");
        Console.WriteLine($"RowAccumulators.Best() = {RowAccumulators.Describe()}");
        foreach (var candidate in candidates)
        {
            candidate.Body(options.Samples, matrix, rows);
        }

        for (int r = 0; r < options.Repeats; r++)
        {
            foreach (var candidate in candidates)
            {
                candidate.Measurement.Time(() => candidate.Body(options.Samples, matrix, rows));
            }
        }

        Console.WriteLine($"| accumulator | ms per sample ({Report.ClockName}) | G SynOps/s ({Report.ClockName}) | G SynOps/s (wall) | x scalar | result |");
        Console.WriteLine("|---|---:|---:|---:|---:|---|");
        double synOps = (double)options.Samples * RowsPerSample * Width;
        double scalarCpu = candidates[0].Measurement.MedianCpu;
        foreach (var candidate in candidates)
        {
            double cpu = candidate.Measurement.MedianCpu;
            string same = candidate.Checksum == candidates[0].Checksum ? "= scalar" : "DIFFERS from scalar";
            Console.WriteLine($"| {candidate.Name} | {cpu * 1e3 / options.Samples:F3} | {synOps / cpu / 1e9:F2} | "
                + $"{synOps / candidate.Measurement.MedianWall / 1e9:F2} | {scalarCpu / cpu:F1} | {same} |");
        }

        if (MultiRowPrototype.IsSupported)
        {
            Batched(options, matrix, rows, synOps, scalarCpu, candidates[0].Checksum);
        }

        Console.WriteLine();
    }

    /// <summary>The same rows, one call per tick of 4108 / 31 rows (see <see cref="MultiRowPrototype"/>).</summary>
    private static void Batched(BenchOptions options, byte[] matrix, int[] rows, double synOps, double scalarCpu, long reference)
    {
        const int ticks = BenchModel.Ticks;
        var offsets = rows.Select(r => r * Width).ToArray();
        var target = new int[Width];
        var tickRows = new int[RowsPerSample];
        long checksum = 0;
        void Body()
        {
            checksum = 0;
            for (int s = 0; s < options.Samples; s++)
            {
                Array.Clear(target);
                for (int k = 0; k < ticks; k++)
                {
                    int from = (s * RowsPerSample) + (k * RowsPerSample / ticks);
                    int to = (s * RowsPerSample) + ((k + 1) * RowsPerSample / ticks);
                    Array.Copy(offsets, from, tickRows, 0, to - from);
                    MultiRowPrototype.AddRows(matrix, tickRows, to - from, target, Width);
                }

                checksum += target[s % Width];
            }
        }

        var measurement = new Measurement();
        Body();
        for (int r = 0; r < options.Repeats; r++)
        {
            measurement.Time(Body);
        }

        double cpu = measurement.MedianCpu;
        string same = checksum == reference ? "= scalar" : "DIFFERS from scalar";
        Console.WriteLine($"| prototype: all rows of a tick in one call (AVX-512, {RowsPerSample / ticks} rows per call, not in the runtime) | "
            + $"{cpu * 1e3 / options.Samples:F3} | {synOps / cpu / 1e9:F2} | {synOps / measurement.MedianWall / 1e9:F2} | {scalarCpu / cpu:F1} | {same} |");
    }

    private sealed class Candidate(string name, IRowAccumulator accumulator)
    {
        private readonly int[] _target = new int[Width];

        public string Name { get; } = name;

        public Measurement Measurement { get; } = new();

        public long Checksum { get; private set; }

        public void Body(int samples, byte[] matrix, int[] rows)
        {
            long checksum = 0;
            int[] target = _target;
            for (int s = 0; s < samples; s++)
            {
                Array.Clear(target);
                int end = (s + 1) * RowsPerSample;
                for (int e = s * RowsPerSample; e < end; e++)
                {
                    accumulator.AddRow(matrix, rows[e] * Width, target, 0, Width);
                }

                checksum += target[s % Width];
            }

            Checksum = checksum;
        }
    }
}
