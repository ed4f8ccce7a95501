namespace Spiking.Edge.Runtime.Events.Transforms
{
    /// <summary>
    /// Cuts a live, time-ordered event stream into classification windows as it consumes chunks, without keeping
    /// any event: for every chunk it reports, window by window, the index range of the chunk that belongs to the
    /// window, and when the window opens and closes. A stream cut into chunks anywhere gives the same windows with
    /// the same events.
    /// </summary>
    /// <remarks>
    /// <para>Use: <see cref="Consume"/> a chunk, then call <see cref="NextSegment"/> until it returns false; each true
    /// describes one segment (<see cref="WindowIndex"/>, <see cref="WindowStartMicroseconds"/>,
    /// <see cref="WindowEndMicroseconds"/>, <see cref="First"/>, <see cref="Count"/>, <see cref="Opens"/>,
    /// <see cref="Closes"/>, <see cref="Truncated"/>). Segments come in increasing window order; a window's segments
    /// over successive chunks are contiguous and together hold exactly its events. A segment that neither opens nor
    /// closes a window and holds no event is not reported. <see cref="AdvanceTo"/> tells the segmenter that time has
    /// passed without events (it closes windows that have ended); <see cref="Finish"/> ends the stream and closes the
    /// open windows as truncated.</para>
    /// <para>Time: an event earlier than the latest time seen (events or <see cref="AdvanceTo"/>) is treated as if it
    /// had that latest time ("effective time"); with time-ordered input the effective time is the timestamp.</para>
    /// <para><see cref="SegmentationMode.FixedDuration"/> (duration D, hop H, origin o = the first event's time or a
    /// given origin): window k covers effective times [o + kH, o + kH + D), half-open. It opens with its first
    /// event; windows holding no event are skipped (counted in <see cref="EmptyWindowsSkipped"/>, never reported),
    /// so window indices may jump. It closes as soon as an event at or after its end is seen, or
    /// <see cref="AdvanceTo"/> reaches its end. With H &lt; D windows overlap and an event belongs to several; with
    /// H &gt; D events between windows belong to none.</para>
    /// <para><see cref="SegmentationMode.FixedCount"/> (N events, hop M): window k holds the stream's events
    /// [kM, kM + N) (0-based positions since <see cref="Reset"/>), opens with event kM and closes with event
    /// kM + N − 1, in the chunk that holds it. Its start is the effective time of its first event and its end the
    /// effective time of its last event + 1 (while open: of the last event consumed + 1).</para>
    /// <para><see cref="SegmentationMode.ActivityTriggered"/> (interval I, threshold K, duration D): when no window
    /// is open, an event at effective time t triggers a window if it and the K − 1 events before it all lie within
    /// (t − I, t], that is t − t(K − 1 events earlier) &lt; I (K = 1: every event). The window covers [t, t + D),
    /// opens with the triggering event and closes as soon as an event at or after t + D is seen (that event may
    /// trigger the next window) or <see cref="AdvanceTo"/> reaches t + D. Events during a window count for the
    /// rate; windows never overlap. The last K effective times are kept (8 K bytes).</para>
    /// <para>Nothing is allocated after construction.</para>
    /// </remarks>
    public sealed partial class StreamSegmenter
    {
        private const long NoTime = long.MinValue;

        /// <summary>Most simultaneously open windows of <see cref="SegmentationMode.FixedCount"/>, and the largest activity threshold.</summary>
        public const int MaxTrackedWindows = 65536;

        private readonly SegmentationMode _mode;
        private readonly long _duration;
        private readonly long _hop;
        private readonly bool _hasConfiguredOrigin;
        private readonly long _configuredOrigin;
        private readonly int _windowEvents;
        private readonly int _hopEvents;
        private readonly long[] _openStarts;
        private readonly long _interval;
        private readonly int _threshold;
        private readonly long[] _recent;

        // Stream state.
        private long _latest;
        private long _lastEventTime;
        private bool _hasOrigin;
        private long _origin;
        private long _nextWindow;
        private long _openCount;
        private long _consumed;
        private long _windowsClosed;
        private long _emptyWindowsSkipped;
        private int _recentHead;
        private int _recentFilled;
        private long _activeStart;
        private long _activeEnd;
        private bool _finished;

        // Chunk state.
        private Event[] _events;
        private int _chunkStart;
        private int _chunkEnd;
        private long _chunkGlobalStart;
        private long _carried;
        private long _chunkMax;
        private bool _chunkActive;
        private bool _finishing;
        private long _candidate;
        private int _startPos;
        private long _startMax;
        private int _endPos;
        private long _endMax;

        // Current segment.
        private long _segmentWindow;
        private long _segmentStart;
        private long _segmentEnd;
        private int _segmentFirst;
        private int _segmentCount;
        private bool _segmentOpens;
        private bool _segmentCloses;
        private bool _segmentTruncated;

        private StreamSegmenter(
            SegmentationMode mode, long duration, long hop, bool hasOrigin, long origin, int windowEvents, int hopEvents, long interval, int threshold)
        {
            _mode = mode;
            _duration = duration;
            _hop = hop;
            _hasConfiguredOrigin = hasOrigin;
            _configuredOrigin = origin;
            _windowEvents = windowEvents;
            _hopEvents = hopEvents;
            _interval = interval;
            _threshold = threshold;
            if (mode == SegmentationMode.FixedCount)
            {
                _openStarts = new long[(windowEvents + hopEvents - 1) / hopEvents];
            }

            if (mode == SegmentationMode.ActivityTriggered)
            {
                _recent = new long[threshold];
            }

            Reset();
        }

        /// <summary>
        /// Windows of <paramref name="durationMicroseconds"/> starting every <paramref name="hopMicroseconds"/>, from
        /// the effective time of the first event.
        /// </summary>
        /// <param name="durationMicroseconds">Window duration D (≥ 1).</param>
        /// <param name="hopMicroseconds">Start-to-start distance H (≥ 1; H &lt; D overlaps, H &gt; D leaves gaps).</param>
        /// <returns>The segmenter.</returns>
        /// <exception cref="System.ArgumentOutOfRangeException">A duration is below 1.</exception>
        public static StreamSegmenter FixedDuration(long durationMicroseconds, long hopMicroseconds)
        {
            TransformChecks.Positive(durationMicroseconds, "durationMicroseconds");
            TransformChecks.Positive(hopMicroseconds, "hopMicroseconds");
            return new StreamSegmenter(SegmentationMode.FixedDuration, durationMicroseconds, hopMicroseconds, false, 0, 0, 0, 0, 0);
        }

        /// <summary>
        /// Windows of <paramref name="durationMicroseconds"/> starting every <paramref name="hopMicroseconds"/> from
        /// <paramref name="originMicroseconds"/>; events before the origin belong to no window.
        /// </summary>
        /// <param name="durationMicroseconds">Window duration D (≥ 1).</param>
        /// <param name="hopMicroseconds">Start-to-start distance H (≥ 1).</param>
        /// <param name="originMicroseconds">Start of window 0.</param>
        /// <returns>The segmenter.</returns>
        /// <exception cref="System.ArgumentOutOfRangeException">A duration is below 1.</exception>
        public static StreamSegmenter FixedDuration(long durationMicroseconds, long hopMicroseconds, long originMicroseconds)
        {
            TransformChecks.Positive(durationMicroseconds, "durationMicroseconds");
            TransformChecks.Positive(hopMicroseconds, "hopMicroseconds");
            return new StreamSegmenter(SegmentationMode.FixedDuration, durationMicroseconds, hopMicroseconds, true, originMicroseconds, 0, 0, 0, 0);
        }

        /// <summary>Windows of <paramref name="eventCount"/> events starting every <paramref name="hopEvents"/> events.</summary>
        /// <param name="eventCount">Events per window N (≥ 1).</param>
        /// <param name="hopEvents">Start-to-start distance M in events (≥ 1; ceil(N / M) ≤ 65536).</param>
        /// <returns>The segmenter.</returns>
        /// <exception cref="System.ArgumentOutOfRangeException">A count is below 1 or windows overlap more than 65536-fold.</exception>
        public static StreamSegmenter FixedCount(int eventCount, int hopEvents)
        {
            TransformChecks.Positive(eventCount, "eventCount");
            TransformChecks.Positive(hopEvents, "hopEvents");
            if (((long)eventCount + hopEvents - 1) / hopEvents > MaxTrackedWindows)
            {
                throw new System.ArgumentOutOfRangeException(
                    "hopEvents", "hopEvents must be at least eventCount / 65536 (at most 65536 windows open at once)");
            }

            return new StreamSegmenter(SegmentationMode.FixedCount, 0, 0, false, 0, eventCount, hopEvents, 0, 0);
        }

        /// <summary>
        /// A window of <paramref name="durationMicroseconds"/> starts at an event when it and the
        /// <paramref name="eventThreshold"/> − 1 events before it lie within less than
        /// <paramref name="intervalMicroseconds"/>.
        /// </summary>
        /// <param name="intervalMicroseconds">Rate interval I (≥ 1).</param>
        /// <param name="eventThreshold">Events K needed within the interval (1..65536).</param>
        /// <param name="durationMicroseconds">Window duration D (≥ 1).</param>
        /// <returns>The segmenter.</returns>
        /// <exception cref="System.ArgumentOutOfRangeException">A parameter is out of range.</exception>
        public static StreamSegmenter ActivityTriggered(long intervalMicroseconds, int eventThreshold, long durationMicroseconds)
        {
            TransformChecks.Positive(intervalMicroseconds, "intervalMicroseconds");
            TransformChecks.Positive(eventThreshold, "eventThreshold");
            if (eventThreshold > MaxTrackedWindows)
            {
                throw new System.ArgumentOutOfRangeException("eventThreshold", "eventThreshold must be within 1..65536");
            }

            TransformChecks.Positive(durationMicroseconds, "durationMicroseconds");
            return new StreamSegmenter(SegmentationMode.ActivityTriggered, durationMicroseconds, 0, false, 0, 0, 0, intervalMicroseconds, eventThreshold);
        }

        /// <summary>How the stream is cut.</summary>
        public SegmentationMode Mode => _mode;

        /// <summary>Window duration D in microseconds (fixed-duration and activity modes; 0 otherwise).</summary>
        public long DurationMicroseconds => _duration;

        /// <summary>Start-to-start distance H in microseconds (fixed-duration mode; 0 otherwise).</summary>
        public long HopMicroseconds => _hop;

        /// <summary>Events per window N (fixed-count mode; 0 otherwise).</summary>
        public int WindowEventCount => _windowEvents;

        /// <summary>Start-to-start distance M in events (fixed-count mode; 0 otherwise).</summary>
        public int HopEvents => _hopEvents;

        /// <summary>Rate interval I in microseconds (activity mode; 0 otherwise).</summary>
        public long IntervalMicroseconds => _interval;

        /// <summary>Events K needed within the interval (activity mode; 0 otherwise).</summary>
        public int EventThreshold => _threshold;

        /// <summary>Events consumed since <see cref="Reset"/>.</summary>
        public long EventsConsumed => _consumed;

        /// <summary>Windows opened since <see cref="Reset"/>.</summary>
        public long WindowsOpened => _mode == SegmentationMode.FixedDuration ? _nextWindow - _emptyWindowsSkipped : _nextWindow;

        /// <summary>Windows closed since <see cref="Reset"/> (truncated ones included).</summary>
        public long WindowsClosed => _windowsClosed;

        /// <summary>Windows open now.</summary>
        public long OpenWindows => _openCount;

        /// <summary>Fixed-duration windows that held no event and were skipped.</summary>
        public long EmptyWindowsSkipped => _emptyWindowsSkipped;

        /// <summary>Window index of the current segment: k for the fixed modes (see the remarks), else a sequence number.</summary>
        public long WindowIndex => _segmentWindow;

        /// <summary>Start of the current segment's window in microseconds (inclusive).</summary>
        public long WindowStartMicroseconds => _segmentStart;

        /// <summary>End of the current segment's window in microseconds (exclusive; fixed-count: see the remarks).</summary>
        public long WindowEndMicroseconds => _segmentEnd;

        /// <summary>Index, in the array given to <see cref="Consume"/>, of the segment's first event (0 for a segment with no chunk).</summary>
        public int First => _segmentFirst;

        /// <summary>Number of events of the segment: events[First, First + Count) belong to the window.</summary>
        public int Count => _segmentCount;

        /// <summary>True when this segment is the window's first: start a new sample.</summary>
        public bool Opens => _segmentOpens;

        /// <summary>True when this segment is the window's last: no later event belongs to it.</summary>
        public bool Closes => _segmentCloses;

        /// <summary>True when the window was closed by <see cref="Finish"/> before its end was reached.</summary>
        public bool Truncated => _segmentTruncated;

        /// <summary>Forgets the stream: no window open, origin and rate history cleared, counters zero.</summary>
        public void Reset()
        {
            _latest = NoTime;
            _lastEventTime = NoTime;
            _hasOrigin = _hasConfiguredOrigin;
            _origin = _configuredOrigin;
            _nextWindow = 0;
            _openCount = 0;
            _consumed = 0;
            _windowsClosed = 0;
            _emptyWindowsSkipped = 0;
            _recentHead = 0;
            _recentFilled = 0;
            _activeStart = 0;
            _activeEnd = 0;
            _finished = false;
            _events = null;
            _chunkStart = 0;
            _chunkEnd = 0;
            _chunkActive = false;
            _finishing = false;
            ClearSegment();
        }

        /// <summary>
        /// Starts consuming events[offset, offset + count); the segments follow from <see cref="NextSegment"/>. The
        /// array must stay unchanged until <see cref="NextSegment"/> has returned false.
        /// </summary>
        /// <param name="events">The next events of the stream, in time order.</param>
        /// <param name="offset">First event.</param>
        /// <param name="count">Number of events (0 is allowed).</param>
        /// <exception cref="System.ArgumentNullException">The array is null.</exception>
        /// <exception cref="System.ArgumentOutOfRangeException">The range lies outside the array.</exception>
        /// <exception cref="System.InvalidOperationException">The previous chunk's segments were not all read, or the stream was finished.</exception>
        public void Consume(Event[] events, int offset, int count)
        {
            TransformChecks.Range(events, offset, count);
            CheckReady();
            long max = _latest;
            for (int i = offset; i < offset + count; i++)
            {
                if (events[i].TimestampMicroseconds > max)
                {
                    max = events[i].TimestampMicroseconds;
                }
            }

            BeginChunk(events, offset, count, max);
            if (count > 0)
            {
                _lastEventTime = max;
            }
        }

        /// <summary>
        /// Declares that no event earlier than <paramref name="timeMicroseconds"/> will follow (for example the
        /// clock of a quiet sensor): windows ending at or before it close; read them with <see cref="NextSegment"/>.
        /// Later events earlier than this time get it as their effective time.
        /// </summary>
        /// <param name="timeMicroseconds">The time reached.</param>
        /// <exception cref="System.InvalidOperationException">The previous chunk's segments were not all read, or the stream was finished.</exception>
        public void AdvanceTo(long timeMicroseconds)
        {
            CheckReady();
            BeginChunk(null, 0, 0, timeMicroseconds > _latest ? timeMicroseconds : _latest);
        }

        /// <summary>
        /// Ends the stream: every open window closes with <see cref="Truncated"/> set; read them with
        /// <see cref="NextSegment"/>. Call <see cref="Reset"/> before a new stream.
        /// </summary>
        /// <exception cref="System.InvalidOperationException">The previous chunk's segments were not all read, or the stream was finished.</exception>
        public void Finish()
        {
            CheckReady();
            BeginChunk(null, 0, 0, _latest);
            _finishing = true;
        }

        /// <summary>Moves to the next segment of the current chunk; false when the chunk has no more.</summary>
        /// <returns>True when the segment properties describe a new segment.</returns>
        public bool NextSegment()
        {
            if (!_chunkActive)
            {
                ClearSegment();
                return false;
            }

            bool found;
            if (_mode == SegmentationMode.FixedDuration)
            {
                found = NextFixedDuration();
            }
            else if (_mode == SegmentationMode.FixedCount)
            {
                found = NextFixedCount();
            }
            else
            {
                found = NextActivity();
            }

            if (!found)
            {
                ClearSegment();
                _chunkActive = false;
                _events = null;
                if (_finishing)
                {
                    _finished = true;
                }
            }

            return found;
        }

        private void CheckReady()
        {
            if (_finished || _finishing)
            {
                throw new System.InvalidOperationException("the stream was finished: call Reset before a new stream");
            }

            if (_chunkActive)
            {
                throw new System.InvalidOperationException("the previous chunk still has segments: call NextSegment until it returns false");
            }
        }

        private void BeginChunk(Event[] events, int offset, int count, long chunkMax)
        {
            _events = events;
            _chunkStart = offset;
            _chunkEnd = offset + count;
            _chunkGlobalStart = _consumed;
            _consumed += count;
            _carried = _latest;
            _chunkMax = chunkMax;
            _latest = chunkMax;
            _chunkActive = true;
            _candidate = _nextWindow - _openCount;
            _startPos = offset;
            _startMax = _carried;
            _endPos = offset;
            _endMax = _carried;
        }

        private void Report(long window, long start, long end, int first, int count, bool opens, bool closes, bool truncated)
        {
            _segmentWindow = window;
            _segmentStart = start;
            _segmentEnd = end;
            _segmentFirst = first;
            _segmentCount = count;
            _segmentOpens = opens;
            _segmentCloses = closes;
            _segmentTruncated = truncated;
            if (closes)
            {
                _openCount--;
                _windowsClosed++;
            }
        }

        private void ClearSegment()
        {
            Report(-1, 0, 0, 0, 0, false, false, false);
        }

        private long EffectiveTime(int index, long maxBefore)
        {
            long t = _events[index].TimestampMicroseconds;
            return t > maxBefore ? t : maxBefore;
        }

        // The two scanners (start: _startPos/_startMax, end: _endPos/_endMax) walk the chunk forward only; a scanner is
        // a position and the largest timestamp before it, passed by reference.

        // First index at or after the scanner whose effective time reaches bound (or the chunk end).
        private int Seek(ref int position, ref long maxBefore, long bound)
        {
            while (position < _chunkEnd && EffectiveTime(position, maxBefore) < bound)
            {
                maxBefore = EffectiveTime(position, maxBefore);
                position++;
            }

            return position;
        }

        // Effective time of index (at or after the scanner, or its last position); moves the scanner to index.
        private long TimeAt(ref int position, ref long maxBefore, int index)
        {
            while (position < index)
            {
                maxBefore = EffectiveTime(position, maxBefore);
                position++;
            }

            return EffectiveTime(index, maxBefore);
        }
    }
}
