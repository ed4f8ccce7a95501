using Spiking.Edge.Devices.Transforms;
using Spiking.Edge.ModelFormat;
using Spiking.Edge.ModelFormat.Proto;
using Spiking.Edge.Runtime.Events;
using TorchSharp;
using static TorchSharp.torch;
using static Spiking.Edge.Trainer.Functional.Scalars;

namespace Spiking.Edge.Trainer.IntegerModel;

/// <summary>
/// The trainer's second implementation of model-format/spec/semantics.md §2–§6: dense, batched and time-stepped
/// with TorchSharp float64 tensors (every value is an integer below 2^53, so float64 is exact and the matrix
/// product's summation order cannot change a result). It must agree bit for bit with the event-driven runtime;
/// the conformance vectors and the bit-exact tests check that.
/// </summary>
/// <remarks>
/// <para>Per tick k = 0 … T−1 and layer l = 0 … L−1 (semantics §4): LIF layers run §4.1 (counter, drive with bias and
/// recurrent rows on the layer's previous-tick outputs, soft refractory gain, synaptic current, leak by shift or Q16
/// decay, integrate with clamp, leaky-ReLU, hard refractory, record u, BINARY comparison or GRADED table output,
/// reset with scope NEURON or LAYER, winner-take-all, floor), leaky integrators §4.2, SRC layers §4.3 with the tables
/// of §4.4 (a gather on clamped indices). Every arithmetic shift is a floor division by a power of two. Layer 0's
/// input is the binned frame of tick k (semantics §2, via <see cref="TimeBinner"/>), layer l's the outputs y of layer
/// l−1 in the same tick (spikes, or graded Q7 values that scale the rows). spike_count = Σ_k y, membrane_sum = Σ_k u.
/// SynOps (§6) = Σ_k x0[k] · stored_0 + Σ_l events_l · stored_{l+1} + Σ_l events_l[k &lt; T−1] · recurrent_stored_l,
/// where events count the ticks with y &gt; 0.</para>
/// <para>Quantization-aware training: the tick is the pure function <c>IntegerStep.Forward(layer, state, x)</c>
/// (no in-place update, all ops differentiable except floor, comparison, gather and clamp). A QAT forward pass calls the
/// same function with the weight tensor replaced by <c>s_o · round(w / s_o)</c> built with a straight-through
/// estimator, the floors with a straight-through floor, and the comparison with a surrogate-gradient
/// spike, so training sees exactly the integer dynamics the runtime executes. Only <see cref="Run(Tensor)"/>
/// copies results into the carried state in place, which QAT would replace by keeping the returned tensors.</para>
/// <para>Every call runs in its own dispose scope; the only long-lived tensors are the layer parameters, released by
/// <see cref="Dispose"/>.</para>
/// </remarks>
public sealed class IntegerSimulation : IDisposable
{
    private readonly IntegerLayerTensors[] _layers;
    private bool _disposed;

    /// <summary>Validates <paramref name="model"/> (<see cref="ModelValidator"/>) and decodes its weights (<see cref="WeightCodec"/>).</summary>
    /// <exception cref="ModelFileException">The model breaks a rule of the format.</exception>
    public IntegerSimulation(Model model)
    {
        ArgumentNullException.ThrowIfNull(model);
        ModelValidator.Validate(model, "model");
        Width = (int)model.Input.Width;
        Height = (int)model.Input.Height;
        Polarities = (int)model.Input.Polarities;
        TickMicroseconds = (int)model.TickMicroseconds;
        TicksPerSample = (int)model.TicksPerSample;
        Readout = model.Readout.Mode;
        _layers = new IntegerLayerTensors[model.Layers.Count];
        try
        {
            for (int l = 0; l < _layers.Length; l++)
            {
                _layers[l] = IntegerLayerTensors.FromLayer(model.Layers[l]);
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>Input width in pixels.</summary>
    public int Width { get; }

    /// <summary>Input height in pixels.</summary>
    public int Height { get; }

    /// <summary>1 (merged) or 2 polarities.</summary>
    public int Polarities { get; }

    /// <summary>Input vector length: width × height × polarities.</summary>
    public int InputSize => Width * Height * Polarities;

    /// <summary>Length of one tick.</summary>
    public int TickMicroseconds { get; }

    /// <summary>T, the ticks of one sample.</summary>
    public int TicksPerSample { get; }

    /// <summary>How the class is read from the last layer.</summary>
    public ReadoutMode Readout { get; }

    /// <summary>Number of layers.</summary>
    public int LayerCount => _layers.Length;

    /// <summary>Number of neurons of layer <paramref name="layer"/>.</summary>
    public int GetLayerOutputSize(int layer) => _layers[layer].OutputSize;

    /// <summary>
    /// Runs a batch of binned input frames, shape [T, B, InputSize], of per-tick event counts (float32 or
    /// float64; every value must be a non-negative integer, as <see cref="TimeBinner"/> produces).
    /// </summary>
    public IntegerSimulationResult Run(Tensor frames)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(frames);
        if (frames.dim() != 3 || frames.shape[0] != TicksPerSample || frames.shape[2] != InputSize)
        {
            throw new ArgumentException($"frames: shape [{string.Join(", ", frames.shape)}] is not [T={TicksPerSample}, B, InputSize={InputSize}]", nameof(frames));
        }

        int batch = (int)frames.shape[1];
        using var guard = Training.NativeCallGuard.Enter();
        using DisposeScope scope = NewDisposeScope();
        Tensor x0 = frames.to_type(ScalarType.Float64);
        var states = new IntegerLayerState[_layers.Length];
        var counts = new Tensor[_layers.Length];
        var events = new Tensor[_layers.Length];
        var recurrentEvents = new Tensor[_layers.Length];
        for (int l = 0; l < _layers.Length; l++)
        {
            states[l] = IntegerLayerState.Start(_layers[l], batch);
            counts[l] = zeros(batch, _layers[l].OutputSize, ScalarType.Float64);
            events[l] = zeros(batch, _layers[l].OutputSize, ScalarType.Float64);
            recurrentEvents[l] = zeros(batch, _layers[l].OutputSize, ScalarType.Float64);
        }

        Tensor sums = zeros(batch, _layers[^1].OutputSize, ScalarType.Float64);
        for (int k = 0; k < TicksPerSample; k++)
        {
            using DisposeScope tick = NewDisposeScope();
            Tensor x = x0[k];
            for (int l = 0; l < _layers.Length; l++)
            {
                (IntegerLayerState next, Tensor u, Tensor y) = IntegerStep.Forward(_layers[l], states[l], x);
                states[l].CopyFrom(next);
                counts[l].add_(y);
                Tensor fired = y.gt(S(0)).to_type(ScalarType.Float64);
                events[l].add_(fired);
                if (k < TicksPerSample - 1)
                {
                    recurrentEvents[l].add_(fired);
                }

                if (l == _layers.Length - 1)
                {
                    sums.add_(u);
                }

                x = y;
            }
        }

        // §6: input events × layer 0's rows; each event (y > 0) × the next layer's row and, before the last tick, its recurrent row.
        Tensor synOps = x0.sum(dim: 0).matmul(_layers[0].StoredPerRow);
        for (int l = 0; l < _layers.Length; l++)
        {
            if (l + 1 < _layers.Length)
            {
                synOps = synOps + events[l].matmul(_layers[l + 1].StoredPerRow);
            }

            if (_layers[l].RecurrentStoredPerRow is { } recurrentRows)
            {
                synOps = synOps + recurrentEvents[l].matmul(recurrentRows);
            }
        }

        return BuildResult(batch, counts, sums, synOps);
    }

    /// <summary>
    /// Bins each sample's events with <see cref="TimeBinner"/> (window start <paramref name="windowStartMicroseconds"/>,
    /// semantics §2) and runs them as one batch.
    /// </summary>
    public IntegerSimulationResult Run(IReadOnlyList<Event[]> samples, long windowStartMicroseconds = 0)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count == 0)
        {
            throw new ArgumentException("samples: the batch is empty", nameof(samples));
        }

        long frame = (long)TicksPerSample * InputSize;
        if (frame * samples.Count > Array.MaxLength)
        {
            throw new ArgumentException($"samples: {samples.Count} samples of {TicksPerSample} ticks x {InputSize} inputs exceed one array; use a smaller batch", nameof(samples));
        }

        var buffer = new float[frame * samples.Count];
        for (int b = 0; b < samples.Count; b++)
        {
            Event[] events = samples[b] ?? throw new ArgumentException($"samples[{b}] is null", nameof(samples));
            TimeBinner.Bin(events, 0, events.Length, Width, Height, Polarities, TickMicroseconds, TicksPerSample, windowStartMicroseconds, buffer, (int)(b * frame));
        }

        using DisposeScope scope = NewDisposeScope();
        Tensor frames = torch.tensor(buffer, [samples.Count, TicksPerSample, InputSize]).transpose(0, 1);
        return Run(frames);
    }

    /// <summary>
    /// Accuracy of <paramref name="model"/> on labelled event samples, run <paramref name="batchSize"/> at a time
    /// (each sample's window starts at t0 = 0, semantics §2).
    /// </summary>
    public static double Evaluate(Model model, IReadOnlyList<(Event[] events, int label)> samples, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (batchSize <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "batch size must be positive");
        }

        if (samples.Count == 0)
        {
            throw new ArgumentException("samples: nothing to evaluate", nameof(samples));
        }

        using var simulation = new IntegerSimulation(model);
        long correct = 0;
        for (int start = 0; start < samples.Count; start += batchSize)
        {
            int n = Math.Min(batchSize, samples.Count - start);
            var batch = new Event[n][];
            for (int b = 0; b < n; b++)
            {
                batch[b] = samples[start + b].events;
            }

            int[] predictions = simulation.Run(batch).Predictions;
            for (int b = 0; b < n; b++)
            {
                correct += predictions[b] == samples[start + b].label ? 1 : 0;
            }
        }

        return (double)correct / samples.Count;
    }

    /// <summary>Releases the layer tensors.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        foreach (IntegerLayerTensors? layer in _layers)
        {
            layer?.Dispose();
        }
    }

    private IntegerSimulationResult BuildResult(int batch, Tensor[] counts, Tensor sums, Tensor synOps)
    {
        var spikeCounts = new long[_layers.Length][,];
        for (int l = 0; l < _layers.Length; l++)
        {
            spikeCounts[l] = ToLongMatrix(counts[l], batch, _layers[l].OutputSize);
        }

        int outputs = _layers[^1].OutputSize;
        long[,] membraneSums = ToLongMatrix(sums, batch, outputs);
        long[,] readout = Readout == ReadoutMode.MembraneSum ? membraneSums : spikeCounts[^1];
        var predictions = new int[batch];
        for (int b = 0; b < batch; b++)
        {
            int best = 0;
            for (int o = 1; o < outputs; o++)
            {
                if (readout[b, o] > readout[b, best])
                {
                    best = o;
                }
            }

            predictions[b] = best;
        }

        double[] ops = synOps.data<double>().ToArray();
        var synOpsPerSample = new long[batch];
        for (int b = 0; b < batch; b++)
        {
            synOpsPerSample[b] = (long)ops[b];
        }

        long neuronUpdates = 0;
        foreach (IntegerLayerTensors layer in _layers)
        {
            neuronUpdates += layer.OutputSize;
        }

        return new IntegerSimulationResult(spikeCounts, membraneSums, predictions, synOpsPerSample, neuronUpdates * TicksPerSample);
    }

    private static long[,] ToLongMatrix(Tensor t, int rows, int columns)
    {
        double[] values = t.contiguous().data<double>().ToArray();
        var result = new long[rows, columns];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                result[r, c] = (long)values[(r * columns) + c];
            }
        }

        return result;
    }
}
