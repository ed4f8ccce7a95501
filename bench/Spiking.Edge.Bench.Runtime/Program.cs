using Spiking.Edge.Bench.Runtime;

// Runtime benchmark (not a test): (a) the DENSE row-add kernel alone, scalar vs SIMD; (b) the whole event-driven
// runtime on real N-MNIST samples; (c) the sparse encodings; (d) on request, the event transforms' loops. Figures and the command: bench/Spiking.Edge.Bench.Runtime/README.md.
BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

Console.WriteLine($"# Spiking.Edge runtime benchmark");
Console.WriteLine($"command: dotnet run -c Release --project bench/Spiking.Edge.Bench.Runtime --{(args.Length > 0 ? " " + string.Join(' ', args) : string.Empty)}");
Console.WriteLine($"cpu: {MachineInfo.Cpu()}");
Console.WriteLine();
try
{
    if (options.Only is null or "kernel")
    {
        KernelBenchmark.Run(options);
    }

    if (options.Only is null or "runtime")
    {
        RuntimeBenchmark.Run(options);
    }

    if (options.Only is null or "sparse")
    {
        SparseBenchmark.Run(options);
    }

    if (options.Only is "transforms")
    {
        TransformBenchmark.Run(options);
    }
}
catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException
    or Spiking.Edge.Devices.EventStreamException or Spiking.Edge.ModelFormat.ModelFileException)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 1;
}

return 0;
