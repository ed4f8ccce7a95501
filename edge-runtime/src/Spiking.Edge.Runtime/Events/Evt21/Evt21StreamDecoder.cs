namespace Spiking.Edge.Runtime.Events.Evt21
{
    /// <summary>
    /// Portable streaming decoder of Prophesee EVT 2.1 (64-bit vector words) into caller-owned event arrays. Input may
    /// be cut at any byte: a partial word is kept in a fixed 8-byte buffer, and a vector word whose events do not all
    /// fit the output is resumed at its next bit on the next call. Nothing is allocated per event.
    /// </summary>
    /// <remarks>
    /// <para>Time: a TIME_HIGH word gives time bits 33–6; a vector word's 6 LSBs complete it. A TIME_HIGH smaller than
    /// the current one by at least half the 28-bit range is a wrap-around and adds 2^34 µs; a smaller step back is
    /// refused. Timestamps therefore grow across wrap-arounds from the format's own origin.</para>
    /// <para>Counted and skipped: events before the first TIME_HIGH, events outside the configured geometry,
    /// EXT_TRIGGER, OTHERS and CONTINUED words. Refused (fault state): reserved word types (2–7, 9, B, C, D), a
    /// TIME_HIGH stepping back by less than half the range, and (at <see cref="Complete"/>) a stream ending inside a
    /// word. After a fault the decoder stays failed until <see cref="Reset"/>; the fault is a byte offset and a
    /// one-line reason, which the host turns into its own exception.</para>
    /// </remarks>
    public sealed partial class Evt21StreamDecoder
    {
        private const int Done = 0;
        private const int OutputFull = 1;
        private const int Faulted = 2;

        private readonly byte[] _partial = new byte[Evt21Format.WordBytes];
        private readonly Evt21ByteOrder _byteOrder;
        private readonly int _width;
        private readonly int _height;

        private int _partialCount;
        private long _position;
        private int _resumeBit;
        private bool _hasTimeBase;
        private int _timeHigh;
        private long _loops;
        private long _timeBase;

        private long _eventCount;
        private long _droppedBeforeTimeBase;
        private long _droppedOutOfGeometry;
        private long _externalTriggerWords;
        private long _othersWords;
        private long _continuedWords;
        private long _timeLoops;

        private bool _faulted;
        private long _faultOffset;
        private string _faultReason;

        /// <summary>Creates a decoder for one byte order and sensor geometry.</summary>
        /// <param name="byteOrder">How the 64-bit words are laid out in bytes.</param>
        /// <param name="width">Sensor width in pixels (1..2048); events at x ≥ width are dropped and counted.</param>
        /// <param name="height">Sensor height in pixels (1..2048); events at y ≥ height are dropped and counted.</param>
        /// <exception cref="System.ArgumentOutOfRangeException">A size is outside 1..2048 or the byte order is unknown.</exception>
        public Evt21StreamDecoder(Evt21ByteOrder byteOrder, int width, int height)
        {
            if (byteOrder != Evt21ByteOrder.Little && byteOrder != Evt21ByteOrder.Legacy)
            {
                throw new System.ArgumentOutOfRangeException("byteOrder", "must be Little or Legacy");
            }

            if (width < 1 || width > Evt21Format.MaxSensorSize)
            {
                throw new System.ArgumentOutOfRangeException("width", "must be within 1..2048");
            }

            if (height < 1 || height > Evt21Format.MaxSensorSize)
            {
                throw new System.ArgumentOutOfRangeException("height", "must be within 1..2048");
            }

            _byteOrder = byteOrder;
            _width = width;
            _height = height;
            _faultReason = "";
        }

        /// <summary>The byte order the decoder reads.</summary>
        public Evt21ByteOrder ByteOrder => _byteOrder;

        /// <summary>Sensor width in pixels.</summary>
        public int Width => _width;

        /// <summary>Sensor height in pixels.</summary>
        public int Height => _height;

        /// <summary>Bytes of the stream consumed so far (a kept partial word included).</summary>
        public long Position => _position;

        /// <summary>Events delivered so far.</summary>
        public long EventCount => _eventCount;

        /// <summary>Events met before the first TIME_HIGH (no time base yet), dropped.</summary>
        public long DroppedBeforeTimeBase => _droppedBeforeTimeBase;

        /// <summary>Events at x ≥ width or y ≥ height, dropped.</summary>
        public long DroppedOutOfGeometry => _droppedOutOfGeometry;

        /// <summary>EXT_TRIGGER words skipped.</summary>
        public long ExternalTriggerWords => _externalTriggerWords;

        /// <summary>OTHERS words skipped.</summary>
        public long OthersWords => _othersWords;

        /// <summary>CONTINUED words skipped.</summary>
        public long ContinuedWords => _continuedWords;

        /// <summary>Wrap-arounds of the 34-bit time met so far (each added 2^34 µs).</summary>
        public long TimeLoops => _timeLoops;

        /// <summary>True once malformed input was met (or the stream was completed inside a word).</summary>
        public bool IsFaulted => _faulted;

        /// <summary>Byte offset in the stream of the word at fault (0 when not faulted).</summary>
        public long FaultOffset => _faultOffset;

        /// <summary>What is wrong, in one line (empty when not faulted).</summary>
        public string FaultReason => _faultReason;

        /// <summary>Forgets all state, ready for a new stream (byte order and geometry are kept).</summary>
        public void Reset()
        {
            _partialCount = 0;
            _position = 0;
            _resumeBit = 0;
            _hasTimeBase = false;
            _timeHigh = 0;
            _loops = 0;
            _timeBase = 0;
            _eventCount = 0;
            _droppedBeforeTimeBase = 0;
            _droppedOutOfGeometry = 0;
            _externalTriggerWords = 0;
            _othersWords = 0;
            _continuedWords = 0;
            _timeLoops = 0;
            _faulted = false;
            _faultOffset = 0;
            _faultReason = "";
        }

        /// <summary>
        /// Decodes from <paramref name="input"/>[offset, offset + count) into <paramref name="output"/> starting at
        /// <paramref name="outputOffset"/>, writing at most <paramref name="outputCapacity"/> events. Stops early when
        /// the output is full (the unfinished word is not consumed: call again with the rest) or at a malformed word
        /// (the word is consumed and <see cref="IsFaulted"/> becomes true). Does nothing once faulted.
        /// </summary>
        /// <param name="input">Raw bytes of the stream, any cut.</param>
        /// <param name="offset">First byte to read.</param>
        /// <param name="count">Bytes available.</param>
        /// <param name="output">Caller-owned event buffer.</param>
        /// <param name="outputOffset">First slot to fill.</param>
        /// <param name="outputCapacity">Slots available.</param>
        /// <param name="consumed">Bytes taken from the input.</param>
        /// <returns>Number of events written.</returns>
        /// <exception cref="System.ArgumentNullException">An array is null.</exception>
        /// <exception cref="System.ArgumentOutOfRangeException">A range lies outside its array.</exception>
        public int Decode(byte[] input, int offset, int count, Event[] output, int outputOffset, int outputCapacity, out int consumed)
        {
            CheckArguments(input, offset, count, output, outputOffset, outputCapacity);
            consumed = 0;
            if (_faulted)
            {
                return 0;
            }

            int read = offset;
            int end = offset + count;
            int written = 0;
            while (true)
            {
                if (_partialCount > 0)
                {
                    // Complete the kept partial word; the completing bytes are committed only once the word is done.
                    int take = Evt21Format.WordBytes - _partialCount;
                    if (end - read < take)
                    {
                        take = end - read;
                    }

                    for (int i = 0; i < take; i++)
                    {
                        _partial[_partialCount + i] = input[read + i];
                    }

                    if (_partialCount + take < Evt21Format.WordBytes)
                    {
                        _partialCount += take;
                        read += take;
                        break;
                    }

                    long wordOffset = _position + (read - offset) - _partialCount;
                    int outcome = ProcessWord(_partial, 0, wordOffset, output, outputOffset, outputCapacity, ref written);
                    if (outcome == OutputFull)
                    {
                        break;
                    }

                    _partialCount = 0;
                    read += take;
                    if (outcome == Faulted)
                    {
                        break;
                    }
                }
                else if (end - read >= Evt21Format.WordBytes)
                {
                    long wordOffset = _position + (read - offset);
                    int outcome = ProcessWord(input, read, wordOffset, output, outputOffset, outputCapacity, ref written);
                    if (outcome == OutputFull)
                    {
                        break;
                    }

                    read += Evt21Format.WordBytes;
                    if (outcome == Faulted)
                    {
                        break;
                    }
                }
                else
                {
                    while (read < end)
                    {
                        _partial[_partialCount] = input[read];
                        _partialCount++;
                        read++;
                    }

                    break;
                }
            }

            _position += read - offset;
            consumed = read - offset;
            return written;
        }

        /// <summary>
        /// Ends the stream: true when it ended cleanly; false when a fault was met earlier or the stream ends inside a
        /// word (the fault then names the partial word's first byte).
        /// </summary>
        public bool Complete()
        {
            if (!_faulted && _partialCount > 0)
            {
                Fail(_position - _partialCount, "truncated word: the stream ends after " + _partialCount.ToString() + " of 8 bytes");
            }

            return !_faulted;
        }

        private static void CheckArguments(byte[] input, int offset, int count, Event[] output, int outputOffset, int outputCapacity)
        {
            if (input == null)
            {
                throw new System.ArgumentNullException("input");
            }

            if (output == null)
            {
                throw new System.ArgumentNullException("output");
            }

            if (offset < 0 || offset > input.Length)
            {
                throw new System.ArgumentOutOfRangeException("offset", "must be within 0..input.Length");
            }

            if (count < 0 || count > input.Length - offset)
            {
                throw new System.ArgumentOutOfRangeException("count", "must be within 0..input.Length - offset");
            }

            if (outputOffset < 0 || outputOffset > output.Length)
            {
                throw new System.ArgumentOutOfRangeException("outputOffset", "must be within 0..output.Length");
            }

            if (outputCapacity < 0 || outputCapacity > output.Length - outputOffset)
            {
                throw new System.ArgumentOutOfRangeException("outputCapacity", "must be within 0..output.Length - outputOffset");
            }
        }

        private void Fail(long offset, string reason)
        {
            _faulted = true;
            _faultOffset = offset;
            _faultReason = reason;
        }
    }
}
