using System.Device.Gpio;

namespace Spiking.Edge.Devices.Tests.Sensors.GenX320;

/// <summary>A GPIO driver that records pin operations into a shared log (with the I2C traffic and the delays).</summary>
internal sealed class RecordingGpioDriver : GpioDriver
{
    private readonly List<string> _log;
    private readonly Dictionary<int, PinMode> _modes = new();
    private readonly Dictionary<int, PinValue> _values = new();

    public RecordingGpioDriver(List<string> log) => _log = log;

    public PinValue ValueOf(int pin) => _values[pin];

    protected override int PinCount => 64;

    protected override void OpenPin(int pinNumber) => _log.Add($"open {pinNumber}");

    protected override void ClosePin(int pinNumber) => _log.Add($"close {pinNumber}");

    protected override void SetPinMode(int pinNumber, PinMode mode)
    {
        _modes[pinNumber] = mode;
        _log.Add($"mode {pinNumber} {mode}");
    }

    protected override PinMode GetPinMode(int pinNumber) => _modes.GetValueOrDefault(pinNumber, PinMode.Input);

    protected override bool IsPinModeSupported(int pinNumber, PinMode mode) => true;

    protected override PinValue Read(int pinNumber) => _values.GetValueOrDefault(pinNumber, PinValue.Low);

    protected override void Write(int pinNumber, PinValue value)
    {
        _values[pinNumber] = value;
        _log.Add($"write {pinNumber} {(value == PinValue.High ? "High" : "Low")}");
    }

    protected override WaitForEventResult WaitForEvent(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    protected override void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback) =>
        throw new NotSupportedException();

    protected override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback) =>
        throw new NotSupportedException();
}
