namespace Spiking.Edge.Devices.Formats.Prophesee;

/// <summary>
/// What a Prophesee decoder counted and skipped instead of delivering (README.md, "Malformed input"). A format leaves
/// at zero the counters it has no use for.
/// </summary>
/// <param name="DroppedBeforeTimeBase">Events met before the first TIME_HIGH word (no time base yet).</param>
/// <param name="DroppedOutOfGeometry">Events at x ≥ width or y ≥ height.</param>
/// <param name="DroppedWithoutAddress">EVT 3.0 events met before any EVT_ADDR_Y row (or, for vectors, VECT_BASE_X).</param>
/// <param name="ExternalTriggerWords">EXT_TRIGGER words skipped.</param>
/// <param name="OthersWords">OTHERS words skipped (and EVT 3.0 IMU words).</param>
/// <param name="ContinuedWords">CONTINUED words skipped (EVT 3.0: CONTINUED_4 and CONTINUED_12), outside IMU events.</param>
/// <param name="ImuEvents">EVT 2.0 IMU events skipped (each an IMU_EVT word and 5 CONTINUED words).</param>
/// <param name="TimeLoops">Wrap-arounds of the format's time counter, each adding its range to later timestamps.</param>
public readonly record struct PropheseeCounters(
    long DroppedBeforeTimeBase,
    long DroppedOutOfGeometry,
    long DroppedWithoutAddress,
    long ExternalTriggerWords,
    long OthersWords,
    long ContinuedWords,
    long ImuEvents,
    long TimeLoops);
