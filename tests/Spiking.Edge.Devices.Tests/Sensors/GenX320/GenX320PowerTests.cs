using System.Device.Gpio;
using Spiking.Edge.Devices.Sensors.GenX320;

namespace Spiking.Edge.Devices.Tests.Sensors.GenX320;

public class GenX320PowerTests
{
    [Fact]
    public void Power_up_holds_reset_powers_on_waits_releases_reset_and_waits_again_before_the_first_register_access()
    {
        using var rig = new GenX320Rig();

        rig.Create(rig.Options(o => new GenX320Options { ResetPin = 17, PowerEnablePin = 27, DelayMicroseconds = o.DelayMicroseconds }));

        Assert.Equal(
            ["open 17", "mode 17 Output", "write 17 Low", "open 27", "mode 27 Output", "write 27 High", "delay 500", "write 17 High", "delay 100000", "i2c read 0x0014"],
            rig.Log);
    }

    [Fact]
    public void The_power_up_delays_come_from_the_options()
    {
        using var rig = new GenX320Rig();

        rig.Create(rig.Options(o => new GenX320Options
        {
            ResetPin = 5,
            PowerToResetReleaseMicroseconds = 1_234,
            ResetToFirstAccessMicroseconds = 56_789,
            DelayMicroseconds = o.DelayMicroseconds,
        }));

        Assert.Equal([1_234, 56_789], rig.Delays);
    }

    [Fact]
    public void Without_wired_pins_no_controller_is_needed_and_nothing_waits()
    {
        using var rig = new GenX320Rig();

        rig.Create(withGpio: false);

        Assert.Empty(rig.Delays);
        Assert.Equal(["i2c read 0x0014"], rig.Log);
    }

    [Fact]
    public void Wired_pins_without_a_gpio_controller_are_refused_in_one_line()
    {
        using var rig = new GenX320Rig();

        var error = Assert.Throws<ArgumentException>(() => rig.Create(rig.Options(o => new GenX320Options { ResetPin = 4, DelayMicroseconds = o.DelayMicroseconds }), withGpio: false));

        Assert.Equal("gpio", error.ParamName);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Power_down_asserts_reset_and_removes_power()
    {
        using var rig = new GenX320Rig();
        var sensor = rig.Create(rig.Options(o => new GenX320Options { ResetPin = 17, PowerEnablePin = 27, DelayMicroseconds = o.DelayMicroseconds }));
        rig.Log.Clear();

        sensor.PowerDown();

        Assert.Equal(["write 17 Low", "write 27 Low"], rig.Log);
        Assert.False(sensor.IsStreaming);
    }

    [Fact]
    public void The_board_bring_up_sequence_runs_after_the_identity_check_in_order_with_its_delays()
    {
        using var rig = new GenX320Rig();
        GenX320RegisterOperation[] sequence =
        [
            GenX320RegisterOperation.Write(0x001C, 0x00000001),
            GenX320RegisterOperation.Delay(10_000),
            GenX320RegisterOperation.Write(0xF004, 0x00000001),
        ];

        rig.Create(rig.Options(o => new GenX320Options { InitSequence = sequence, DelayMicroseconds = o.DelayMicroseconds }));

        Assert.Equal(["i2c read 0x0014", "i2c write 0x001C=0x00000001", "delay 10000", "i2c write 0xF004=0x00000001"], rig.Log);
    }

    public static TheoryData<string, Func<GenX320Options, GenX320Options>> InvalidOptions => new()
    {
        { "options.ReadChunkBytes", o => new GenX320Options { ReadChunkBytes = 7, DelayMicroseconds = o.DelayMicroseconds } },
        { "options.ResetPin", o => new GenX320Options { ResetPin = -2, DelayMicroseconds = o.DelayMicroseconds } },
        { "options.PowerEnablePin", o => new GenX320Options { ResetPin = 3, PowerEnablePin = 3, DelayMicroseconds = o.DelayMicroseconds } },
        { "options.PowerToResetReleaseMicroseconds", o => new GenX320Options { PowerToResetReleaseMicroseconds = -1, DelayMicroseconds = o.DelayMicroseconds } },
        { "options.OutputInterface", o => new GenX320Options { OutputInterface = (GenX320OutputInterface)7, DelayMicroseconds = o.DelayMicroseconds } },
        { "options.DelayMicroseconds", _ => new GenX320Options { DelayMicroseconds = null! } },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Invalid_options_are_refused_in_one_line_naming_the_option(string option, Func<GenX320Options, GenX320Options> configure)
    {
        using var rig = new GenX320Rig();

        var error = Assert.ThrowsAny<ArgumentException>(() => rig.Create(rig.Options(configure)));

        Assert.Equal(option, error.ParamName);
        Assert.StartsWith(option, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Empty(rig.I2c.Transfers);
    }
}
