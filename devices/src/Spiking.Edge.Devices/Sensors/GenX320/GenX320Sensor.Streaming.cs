using Spiking.Edge.Devices.Formats.Prophesee;
using Spiking.Edge.Runtime.Events;
using static Spiking.Edge.Devices.Sensors.GenX320.GenX320Fields;

namespace Spiking.Edge.Devices.Sensors.GenX320;

/// <summary>Start/stop of the event stream and the zero-allocation read path.</summary>
public sealed partial class GenX320Sensor
{
    private int _chunkOffset;
    private int _chunkCount;
    private long _bytesRead;
    private Exception? _fault;

    /// <summary>True between <see cref="StartStreaming"/> and <see cref="StopStreaming"/>.</summary>
    public bool IsStreaming { get; private set; }

    /// <summary>Bytes read from the data port since <see cref="StartStreaming"/>.</summary>
    public long BytesRead => _bytesRead;

    /// <summary>Events delivered since <see cref="StartStreaming"/>.</summary>
    public long EventCount => _decoder.EventCount;

    /// <summary>What the EVT 2.1 decoder counted and skipped (events before the first TIME_HIGH, OTHERS words, …).</summary>
    public PropheseeCounters Counters => _decoder.Counters;

    /// <summary>
    /// Selects EVT 2.1 output (whole 64-bit words, little-endian), enables the output interface and the readout, and
    /// resets the read state (ISSD start sequence of OpenEB <c>genx320es_cx3_issd.h</c>). Does nothing if streaming.
    /// </summary>
    /// <exception cref="GenX320BusException">A register transfer failed.</exception>
    public void StartStreaming()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (IsStreaming)
        {
            return;
        }

        _bus.Write(GenX320Register.EventDataFormatterControl, EventFormatEvt21);
        _bus.Update(OutputRegister, clear: 0, set: OutputEnable);
        _bus.Write(GenX320Register.ReadoutLowPowerControl, 0);
        _bus.Update(GenX320Register.ReadoutTimeBaseControl, clear: 0, set: TimeBaseEnable);
        _options.DelayMicroseconds(1);
        _bus.Write(GenX320Register.ReadoutTdControl, ReadoutTdStreaming);
        _bus.Write(GenX320Register.RoiControl, RoiControlStreaming);
        _options.DelayMicroseconds(1);

        _decoder.Reset();
        _chunkOffset = 0;
        _chunkCount = 0;
        _bytesRead = 0;
        _fault = null;
        IsStreaming = true;
    }

    /// <summary>
    /// Holds the pixels in software reset, stops the pixel readout, puts the readout in low power (no output), stops the time base and disables the output
    /// interface (ISSD stop sequence). Does nothing if not streaming.
    /// </summary>
    /// <exception cref="GenX320BusException">A register transfer failed.</exception>
    public void StopStreaming()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!IsStreaming)
        {
            return;
        }

        IsStreaming = false;
        _bus.Write(GenX320Register.RoiControl, RoiControlStopped);
        _bus.Write(GenX320Register.ReadoutTdControl, ReadoutTdStopped);
        _bus.Write(GenX320Register.ReadoutLowPowerControl, LowPowerOutputDisable);
        _options.DelayMicroseconds(1_000);
        _bus.Update(GenX320Register.ReadoutTimeBaseControl, clear: TimeBaseEnable, set: 0);
        _bus.Update(OutputRegister, clear: OutputEnable, set: 0);
    }

    /// <summary>
    /// Decodes events into <paramref name="buffer"/>[offset, offset + capacity): first what remains of the last chunk,
    /// then, if there is room, one new chunk of <see cref="GenX320Options.ReadChunkBytes"/> from the data port. Chunks
    /// may end inside a word; nothing is allocated per event.
    /// </summary>
    /// <param name="buffer">Caller-owned events.</param>
    /// <param name="offset">First slot to fill.</param>
    /// <param name="capacity">Slots available (at least 1).</param>
    /// <returns>Events written; 0 when the port had nothing (or only filler) this time.</returns>
    /// <exception cref="InvalidOperationException">Not streaming.</exception>
    /// <exception cref="GenX320BusException">A data-port read failed: thrown once the events decoded before it are
    /// delivered, names the bus and the stream offset, and stays until the next <see cref="StartStreaming"/>.</exception>
    /// <exception cref="EventStreamException">The EVT 2.1 stream is malformed (same delivery rule).</exception>
    public int ReadEvents(Event[] buffer, int offset, int capacity)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(buffer);
        if (offset < 0 || capacity < 1 || (long)offset + capacity > buffer.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), $"range [{offset}, {offset}+{capacity}) must be non-empty and inside the buffer of {buffer.Length}");
        }

        if (!IsStreaming)
        {
            throw new InvalidOperationException($"GenX320 on {_bus.Name}: ReadEvents needs StartStreaming first");
        }

        if (_fault != null)
        {
            throw _fault;
        }

        int written = Drain(buffer, offset, capacity);
        if (written == capacity || _chunkOffset < _chunkCount)
        {
            return written;
        }

        try
        {
            _chunkCount = _port.Read(_chunk);
            _chunkOffset = 0;
        }
        catch (IOException e)
        {
            _chunkCount = 0;
            _chunkOffset = 0;
            _fault = new GenX320BusException(_port.Name, $"reading event data at stream byte offset {_bytesRead}", _bytesRead, e);
            if (written > 0)
            {
                return written;
            }

            throw _fault;
        }

        _bytesRead += _chunkCount;
        return written + Drain(buffer, offset + written, capacity - written);
    }

    private GenX320Register OutputRegister => _options.OutputInterface == GenX320OutputInterface.Mipi
        ? GenX320Register.MipiCsiControl
        : GenX320Register.CpiPipelineControl;

    // Decodes what remains of the current chunk; a decoding error is remembered so that it is thrown after the
    // events before it are delivered.
    private int Drain(Event[] buffer, int offset, int capacity)
    {
        if (_chunkOffset >= _chunkCount)
        {
            return 0;
        }

        try
        {
            int written = _decoder.Decode(_chunk, _chunkOffset, _chunkCount - _chunkOffset, buffer, offset, capacity, out int consumed);
            _chunkOffset += consumed;
            return written;
        }
        catch (EventStreamException e)
        {
            _fault = e;
            throw;
        }
    }
}
