using static Spiking.Edge.Devices.Sensors.GenX320.GenX320Fields;

namespace Spiking.Edge.Devices.Sensors.GenX320;

/// <summary>On-chip event processing: region of interest, event rate controller, spatio-temporal contrast filter.</summary>
public sealed partial class GenX320Sensor
{
    /// <summary>The window last applied (the whole array until <see cref="SetRegionOfInterest"/>).</summary>
    public GenX320Window RegionOfInterest { get; private set; } = GenX320Window.Full;

    /// <summary>The event-rate limit in force, events/s (a whole number of events per 100 µs); 0 when off.</summary>
    public long EventRateLimitPerSecond { get; private set; }

    /// <summary>The spatio-temporal filter's threshold in µs (whole milliseconds); 0 when off.</summary>
    public int SpatioTemporalFilterThresholdMicroseconds { get; private set; }

    /// <summary>
    /// Keeps only events inside <paramref name="window"/>, using the ROI master with one window in ROI mode
    /// (OpenEB <c>genx320_roi_driver.cpp</c>: <c>set_windows</c> then <c>apply_windows</c>).
    /// </summary>
    /// <param name="window">The window; <see cref="GenX320Window.Full"/> restores the whole array.</param>
    /// <exception cref="ArgumentOutOfRangeException">The window leaves the 320 × 320 array.</exception>
    /// <exception cref="GenX320BusException">A register transfer failed.</exception>
    public void SetRegionOfInterest(GenX320Window window)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        window.Validate(nameof(window));
        _bus.Update(GenX320Register.RoiMasterChickenBit, clear: 1u, set: 0);
        _bus.Write(GenX320Register.RoiWindowX0, (uint)window.X | ((uint)(window.X + window.Width) << RoiWindowEndShift));
        _bus.Write(GenX320Register.RoiWindowY0, (uint)window.Y | ((uint)(window.Y + window.Height) << RoiWindowEndShift));
        _bus.Update(GenX320Register.RoiControl, clear: RoiHaltProgramming, set: 0);
        _bus.Write(GenX320Register.RoiMasterControl, RoiMasterEnable | RoiMasterRun | (1u << RoiWindowCountShift));
        RegionOfInterest = window;
    }

    /// <summary>
    /// Caps the CD event rate with the event rate controller: at most round(rate × 100 µs) events pass per 100 µs
    /// reference period (OpenEB <c>genx320_erc.cpp</c> <c>activate_dyn</c>, temporal dropping).
    /// </summary>
    /// <param name="eventsPerSecond">10,000..200,000,000 events/s.</param>
    /// <exception cref="ArgumentOutOfRangeException">The rate is outside the ERC's range.</exception>
    /// <exception cref="GenX320BusException">A register transfer failed.</exception>
    public void SetEventRateLimit(long eventsPerSecond)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        const long perPeriod = 1_000_000 / ErcReferencePeriodMicroseconds;
        const long max = ErcMaxEventCount * perPeriod;
        if (eventsPerSecond < perPeriod || eventsPerSecond > max)
        {
            throw new ArgumentOutOfRangeException(
                nameof(eventsPerSecond),
                $"eventsPerSecond is {eventsPerSecond}; must be within {perPeriod}..{max} (the ERC lets 1..{ErcMaxEventCount} events through per {ErcReferencePeriodMicroseconds} us)");
        }

        uint count = (uint)((eventsPerSecond + (perPeriod / 2)) / perPeriod);
        _bus.Write(GenX320Register.ErcPipelineControl, 0); // hold: flushes a period in progress
        _bus.Write(GenX320Register.ErcPipelineControl, PipelineEnable | PipelineBypass);
        _bus.Update(GenX320Register.SramInitN, clear: 0, set: SramInitErcDelayFifo);
        _bus.Update(GenX320Register.SramPowerDown1, clear: SramPowerDownErcDelayFifo, set: 0);
        _bus.Write(GenX320Register.ErcDelayFifoBypass, 0);
        _bus.Write(GenX320Register.ErcReferencePeriod, (uint)ErcReferencePeriodMicroseconds | ErcAverageDropRateDelayed);
        _bus.Write(GenX320Register.ErcTargetEventCount, count);
        _bus.Write(GenX320Register.ErcDelayFifoReservedArea, ErcDelayFifoReservedEntries | ErcDelayFifoAutoRaise);
        _bus.Write(GenX320Register.ErcMonitoringEventControl, ErcMonitoringMinimal);
        _bus.Write(GenX320Register.ErcDroppingControl, ErcTemporalDropping | ErcDropAllThreshold512);
        _bus.Write(GenX320Register.ErcResetDropCounterEachPeriod, 0);
        _bus.Write(GenX320Register.ErcPipelineControl, PipelineEnable);
        EventRateLimitPerSecond = count * perPeriod;
    }

    /// <summary>Lets every event through: temporal dropping off, the ERC in bypass (its state after the ISSD init).</summary>
    /// <exception cref="GenX320BusException">A register transfer failed.</exception>
    public void DisableEventRateLimit()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _bus.Update(GenX320Register.ErcDroppingControl, clear: ErcTemporalDropping, set: 0);
        _bus.Write(GenX320Register.ErcPipelineControl, PipelineEnable | PipelineBypass);
        EventRateLimitPerSecond = 0;
    }

    /// <summary>
    /// Turns the spatio-temporal contrast filter on (STC, cut-trail mode: an event passes only when its pixel fired
    /// within the threshold before) or off (bypass). Sequence of OpenEB <c>event_trail_filter.cpp</c>; the threshold
    /// is rounded to whole milliseconds as OpenEB does. The STC's timestamp prescaler and multiplier keep their reset
    /// values (see README.md, "Not confirmed").
    /// </summary>
    /// <param name="enabled">True to filter, false to bypass.</param>
    /// <param name="thresholdMicroseconds">1,000..100,000 µs when enabled (ignored when disabled).</param>
    /// <exception cref="ArgumentOutOfRangeException">The threshold is outside OpenEB's range.</exception>
    /// <exception cref="GenX320BusException">A register transfer failed.</exception>
    /// <exception cref="InvalidOperationException">The filter's SRAM did not report its initialisation done.</exception>
    public void SetSpatioTemporalFilter(bool enabled, int thresholdMicroseconds)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!enabled)
        {
            _bus.Write(GenX320Register.StcPipelineControl, PipelineEnable | PipelineBypass);
            SpatioTemporalFilterThresholdMicroseconds = 0;
            return;
        }

        if (thresholdMicroseconds < StcMinThresholdMicroseconds || thresholdMicroseconds > StcMaxThresholdMicroseconds)
        {
            throw new ArgumentOutOfRangeException(
                nameof(thresholdMicroseconds),
                $"thresholdMicroseconds is {thresholdMicroseconds}; must be within {StcMinThresholdMicroseconds}..{StcMaxThresholdMicroseconds}");
        }

        int threshold = (int)Math.Round(thresholdMicroseconds / 1000.0, MidpointRounding.AwayFromZero) * 1000;
        _bus.Write(GenX320Register.StcPipelineControl, PipelineEnable | PipelineBypass);
        _bus.Write(GenX320Register.StcInitialization, StcInitDone); // clear the done flag
        _bus.Update(GenX320Register.SramInitN, clear: 0, set: SramInitStc);
        _bus.Update(GenX320Register.SramPowerDown0, clear: SramPowerDownStc0, set: 0);
        _bus.Write(GenX320Register.StcInitialization, StcInitRequest);
        _bus.Write(GenX320Register.StcParameters, StcEnable | ((uint)threshold << StcThresholdShift));
        _bus.Update(GenX320Register.StcTrailParameters, clear: StcEnable, set: 0);
        uint status = 0;
        for (int attempt = 0; attempt < 3 && (status & StcInitDone) == 0; attempt++)
        {
            status = _bus.Read(GenX320Register.StcInitialization);
        }

        if ((status & StcInitDone) == 0)
        {
            throw new InvalidOperationException(
                $"GenX320 on {_bus.Name}: the spatio-temporal filter's SRAM did not finish initialising (register 0xD0C4 reads 0x{status:X8} after 3 reads)");
        }

        _bus.Write(GenX320Register.StcPipelineControl, PipelineEnable);
        SpatioTemporalFilterThresholdMicroseconds = threshold;
    }
}
