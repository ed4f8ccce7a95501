using System.Diagnostics;
using Spiking.Edge.Devices.Transforms;
using Spiking.Edge.Runtime;
using Spiking.Edge.Runtime.Events;
using Spiking.Edge.Runtime.Events.Transforms;
using Spiking.Edge.Runtime.Kernels;
using Spiking.Edge.Host.Sources;

namespace Spiking.Edge.Host.Classification;

/// <summary>
/// Classifies a live or recorded event stream window by window: reads chunks into one preallocated buffer, fits them
/// to the model's input (<see cref="InputAdaptation"/>), cuts windows with a <see cref="StreamSegmenter"/>, and runs
/// one network sample per window (BeginSample, PushEvent with times re-based to the window start, FinishSample),
/// reporting each prediction with its latency, work and energy estimate.
/// </summary>
/// <remarks>
/// Overlapping windows (hop below the window) are open at the same time, so the classifier holds one network per
/// window that can be open at once (⌈D / H⌉ or ⌈N / M⌉, at most <see cref="MaxConcurrentWindows"/>), all reading
/// the same model bytes in place. Nothing is allocated per event; per window, only the result object. Not
/// thread-safe.
/// </remarks>
public sealed class ContinuousClassifier
{
    /// <summary>Most windows that may be open at once (networks held).</summary>
    public const int MaxConcurrentWindows = 64;

    private readonly Network[] _networks;
    private readonly long[] _windowStarts;
    private readonly long[] _windowEvents;
    private readonly Event[] _buffer;
    private readonly StreamSegmenter _segmenter;
    private readonly ClassifierOptions _options;

    // Per-run state.
    private long _runStart;
    private long _windows;
    private long _truncated;
    private long _labelled;
    private long _correct;
    private long _eventsRead;
    private long _synOps;
    private double _latencySum;
    private double _energySum;

    /// <summary>Loads the model once per window that can be open at once and prepares the segmenter.</summary>
    /// <param name="modelBytes">A model file (used in place: do not modify it afterwards).</param>
    /// <param name="accumulator">DENSE row kernel (scalar, or a SIMD one from the accelerators).</param>
    /// <param name="windowing">How windows are cut.</param>
    /// <param name="options">Buffer size, transform, energy model, true class; null for the defaults.</param>
    /// <exception cref="Runtime.Format.ModelFormatException">The model file is malformed.</exception>
    /// <exception cref="HostOptionException">The windows overlap more than <see cref="MaxConcurrentWindows"/>-fold, or the buffer size is out of range.</exception>
    public ContinuousClassifier(byte[] modelBytes, IRowAccumulator accumulator, WindowingOptions windowing, ClassifierOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(modelBytes);
        ArgumentNullException.ThrowIfNull(accumulator);
        ArgumentNullException.ThrowIfNull(windowing);
        _options = options ?? new ClassifierOptions();
        if (_options.BufferEvents < 1 || _options.BufferEvents > 1 << 20)
        {
            throw new HostOptionException("BufferEvents", $"buffer of {_options.BufferEvents} events: must be within 1..1048576");
        }

        Network first = Network.Load(modelBytes, accumulator);
        SampleMicroseconds = (long)first.TickMicroseconds * first.TicksPerSample;
        long open = windowing.MaxOpenWindows(SampleMicroseconds);
        if (open > MaxConcurrentWindows)
        {
            string option = windowing.Mode == SegmentationMode.FixedCount ? "--hop-events" : "--hop-ms";
            throw new HostOptionException(
                option,
                $"{option}: windows would overlap {open}-fold (window / hop); at most {MaxConcurrentWindows} windows may be open at once, so raise the hop");
        }

        _networks = new Network[open];
        _networks[0] = first;
        for (int i = 1; i < _networks.Length; i++)
        {
            _networks[i] = Network.Load(modelBytes, accumulator);
        }

        _windowStarts = new long[open];
        _windowEvents = new long[open];
        _buffer = new Event[_options.BufferEvents];
        Windowing = windowing;
        _segmenter = windowing.CreateSegmenter(SampleMicroseconds);
        Labels = ModelLabels.Read(modelBytes);
        RecordedTransform = TransformProvenance.TryRead(ModelLabels.ReadProvenanceNotes(modelBytes), out string? recorded) ? recorded : null;
    }

    /// <summary>
    /// The input transform recorded in the model file's provenance (the one it was trained with, <c>spiking train
    /// --transform</c>), or null. It is the default when <see cref="ClassifierOptions.TransformSpec"/> is not given.
    /// </summary>
    public string? RecordedTransform { get; }

    /// <summary>The model's input width.</summary>
    public int InputWidth => _networks[0].InputWidth;

    /// <summary>The model's input height.</summary>
    public int InputHeight => _networks[0].InputHeight;

    /// <summary>The model's input polarities (1 or 2).</summary>
    public int InputPolarities => _networks[0].InputPolarities;

    /// <summary>Classes (outputs of the last layer).</summary>
    public int OutputSize => _networks[0].OutputSize;

    /// <summary>T × dt: the stream time one network sample covers, µs.</summary>
    public long SampleMicroseconds { get; }

    /// <summary>The model's class labels (empty when it has none).</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>How windows are cut.</summary>
    public WindowingOptions Windowing { get; }

    /// <summary>Networks held: the most windows open at once.</summary>
    public int ConcurrentWindows => _networks.Length;

    /// <summary>
    /// Reads <paramref name="source"/> until its stream ends, a limit is reached or <paramref name="cancellationToken"/>
    /// is cancelled. At the end of the stream, windows still open are classified as truncated; when a limit or
    /// cancellation stops the run, open windows are dropped.
    /// </summary>
    /// <param name="source">Where events come from.</param>
    /// <param name="observer">Receives the input adaptation and every window.</param>
    /// <param name="limits">Window and wall-time limits.</param>
    /// <param name="cancellationToken">Stops the run between reads.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="HostOptionException">The transform does not fit (see <see cref="InputAdaptation.Resolve"/>).</exception>
    public RunSummary Run(IEventSource source, IClassificationObserver observer, RunLimits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(observer);
        ArgumentNullException.ThrowIfNull(limits);
        ResetRun();
        bool idleAdvance = _options.AdvanceWhenIdle ?? source.IsLive;
        InputAdaptation? adaptation = null;
        IEventTransform? transform = null;
        if (source.Width > 0 && source.Height > 0)
        {
            adaptation = Adapt(source, observer, out transform);
        }

        long lastEventTime = 0;
        long lastEventStamp = 0;
        bool anyEvent = false;
        StopReason reason;
        while (true)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                reason = StopReason.Interrupted;
                break;
            }

            if (limits.Duration is { } duration && Stopwatch.GetElapsedTime(_runStart) >= duration)
            {
                reason = StopReason.Duration;
                break;
            }

            int n = source.Read(_buffer, 0, _buffer.Length);
            long stamp = Stopwatch.GetTimestamp();
            if (n == 0)
            {
                if (source.EndOfStream)
                {
                    _segmenter.Finish();
                    reason = Drain(observer, limits, stamp) ? StopReason.MaxWindows : StopReason.EndOfStream;
                    break;
                }

                if (idleAdvance && anyEvent)
                {
                    _segmenter.AdvanceTo(lastEventTime + (long)Stopwatch.GetElapsedTime(lastEventStamp, stamp).TotalMicroseconds);
                    if (Drain(observer, limits, stamp))
                    {
                        reason = StopReason.MaxWindows;
                        break;
                    }
                }

                continue;
            }

            _eventsRead += n;
            anyEvent = true;
            lastEventTime = _buffer[n - 1].TimestampMicroseconds;
            lastEventStamp = stamp;
            if (adaptation is null)
            {
                adaptation = Adapt(source, observer, out transform);
            }

            if (transform is not null)
            {
                n = transform.Apply(_buffer, 0, n);
            }

            _segmenter.Consume(_buffer, 0, n);
            if (Drain(observer, limits, stamp))
            {
                reason = StopReason.MaxWindows;
                break;
            }
        }

        return new RunSummary
        {
            StopReason = reason,
            Windows = _windows,
            TruncatedWindows = _truncated,
            LabelledWindows = _labelled,
            CorrectWindows = _correct,
            MeanLatencyMicroseconds = _windows > 0 ? _latencySum / _windows : 0,
            EventsRead = _eventsRead,
            SynOps = _synOps,
            ElapsedSeconds = Stopwatch.GetElapsedTime(_runStart).TotalSeconds,
            MeanEnergyPicojoules = _windows > 0 ? _energySum / _windows : 0,
        };
    }

    private InputAdaptation Adapt(IEventSource source, IClassificationObserver observer, out IEventTransform? transform)
    {
        bool fromModel = _options.TransformSpec is null && RecordedTransform is not null;
        var adaptation = InputAdaptation.Resolve(_options.TransformSpec ?? RecordedTransform, source.Width, source.Height, InputWidth, InputHeight, fromModel);
        transform = adaptation.Transform;
        transform?.Reset();
        observer.InputResolved(adaptation);
        return adaptation;
    }

    private void ResetRun()
    {
        _segmenter.Reset();
        _runStart = Stopwatch.GetTimestamp();
        _windows = 0;
        _truncated = 0;
        _labelled = 0;
        _correct = 0;
        _eventsRead = 0;
        _synOps = 0;
        _latencySum = 0;
        _energySum = 0;
    }

    // Feeds the segments of the current chunk to their networks; true when the window limit is reached.
    private bool Drain(IClassificationObserver observer, RunLimits limits, long readStamp)
    {
        while (_segmenter.NextSegment())
        {
            int slot = (int)(_segmenter.WindowIndex % _networks.Length);
            Network network = _networks[slot];
            if (_segmenter.Opens)
            {
                network.BeginSample(0);
                _windowStarts[slot] = _segmenter.WindowStartMicroseconds;
                _windowEvents[slot] = 0;
            }

            long start = _windowStarts[slot];
            int end = _segmenter.First + _segmenter.Count;
            for (int i = _segmenter.First; i < end; i++)
            {
                network.PushEvent(_buffer[i].X, _buffer[i].Y, _buffer[i].Polarity, _buffer[i].TimestampMicroseconds - start);
            }

            _windowEvents[slot] += _segmenter.Count;
            if (_segmenter.Closes)
            {
                Close(network, slot, observer, readStamp);
                if (limits.MaxWindows > 0 && _windows >= limits.MaxWindows)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private void Close(Network network, int slot, IClassificationObserver observer, long readStamp)
    {
        network.FinishSample();
        int predicted = network.PredictedClass;
        double latency = Stopwatch.GetElapsedTime(readStamp).TotalMicroseconds;
        var counts = new int[network.OutputSize];
        network.CopyOutputSpikeCounts(counts);
        long events = _windowEvents[slot];
        double energy = _options.Energy.EstimatePicojoules(network.SynOps, network.NeuronUpdates, events);
        _windows++;
        _synOps += network.SynOps;
        _latencySum += latency;
        _energySum += energy;
        if (_segmenter.Truncated)
        {
            _truncated++;
        }

        if (_options.TrueClass >= 0)
        {
            _labelled++;
            _correct += predicted == _options.TrueClass ? 1 : 0;
        }

        double seconds = Stopwatch.GetElapsedTime(_runStart).TotalSeconds;
        observer.WindowClassified(new WindowResult
        {
            Sequence = _windows,
            WindowIndex = _segmenter.WindowIndex,
            StartMicroseconds = _windowStarts[slot],
            EndMicroseconds = _segmenter.WindowEndMicroseconds,
            Truncated = _segmenter.Truncated,
            PredictedClass = predicted,
            PredictedLabel = ModelLabels.NameOf(Labels, predicted),
            TrueClass = _options.TrueClass,
            Events = events,
            EventsAccepted = network.EventsAccepted,
            SynOps = network.SynOps,
            NeuronUpdates = network.NeuronUpdates,
            OutputSpikeCounts = counts,
            LatencyMicroseconds = latency,
            EnergyPicojoules = energy,
            EventsPerSecond = seconds > 0 ? _eventsRead / seconds : 0,
            SynOpsPerSecond = seconds > 0 ? _synOps / seconds : 0,
        });
    }
}
