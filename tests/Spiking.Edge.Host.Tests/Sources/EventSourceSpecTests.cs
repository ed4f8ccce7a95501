using Spiking.Edge.Devices.Sensors.GenX320;
using Spiking.Edge.Host.Sources;

namespace Spiking.Edge.Host.Tests.Sources;

public class EventSourceSpecTests
{
    [Fact]
    public void A_file_spec_keeps_everything_after_the_colon_as_the_path()
    {
        var spec = Assert.IsType<FileSourceSpec>(EventSourceSpec.Parse("file:/data/rec,with,commas=1.raw"));

        Assert.Equal(EventSourceKind.File, spec.Kind);
        Assert.Equal("/data/rec,with,commas=1.raw", spec.Path);
    }

    [Fact]
    public void Kinds_are_case_insensitive()
    {
        Assert.IsType<FileSourceSpec>(EventSourceSpec.Parse("FILE:x.bin"));
        Assert.IsType<GenX320SourceSpec>(EventSourceSpec.Parse("GenX320"));
        Assert.IsType<SerialSourceSpec>(EventSourceSpec.Parse("Serial:COM3"));
    }

    [Fact]
    public void A_bare_genx320_takes_the_readme_defaults()
    {
        var spec = Assert.IsType<GenX320SourceSpec>(EventSourceSpec.Parse("genx320"));

        Assert.Equal(1, spec.I2cBus);
        Assert.Equal(0x3C, spec.I2cAddress);
        Assert.Equal((0, 0), (spec.SpiBus, spec.SpiChipSelect));
        Assert.Equal(10_000_000, spec.SpiClockHertz);
        Assert.Equal((-1, -1), (spec.ResetPin, spec.PowerEnablePin));
        Assert.Null(spec.InitSequencePath);
        Assert.Equal(GenX320Fields.MassProductionChipId, spec.ExpectedChipId);
        Assert.Equal(GenX320OutputInterface.Cpi, spec.OutputInterface);
        Assert.Equal(4_096, spec.ReadChunkBytes);
        Assert.Null(spec.RegionOfInterest);
        Assert.Equal(0, spec.EventRateLimitPerSecond);
        Assert.Equal(0, spec.SpatioTemporalFilterMicroseconds);
        Assert.Equal("genx320 on I2C bus 1 address 0x3C", spec.Name);
    }

    [Fact]
    public void Every_genx320_key_is_read()
    {
        var spec = Assert.IsType<GenX320SourceSpec>(EventSourceSpec.Parse(
            "genx320:i2c=3, Address=0x3d,spi=1.2,spi-hz=20_000_000,reset=17,power=27,init=/boot/genx.txt,chip-id=0x30501C01,interface=MIPI,chunk=8192,roi=160x120+80+40,erc=5000000,stc=10000"));

        Assert.Equal(3, spec.I2cBus);
        Assert.Equal(0x3D, spec.I2cAddress);
        Assert.Equal((1, 2), (spec.SpiBus, spec.SpiChipSelect));
        Assert.Equal(20_000_000, spec.SpiClockHertz);
        Assert.Equal((17, 27), (spec.ResetPin, spec.PowerEnablePin));
        Assert.Equal("/boot/genx.txt", spec.InitSequencePath);
        Assert.Equal(0x30501C01u, spec.ExpectedChipId);
        Assert.Equal(GenX320OutputInterface.Mipi, spec.OutputInterface);
        Assert.Equal(8_192, spec.ReadChunkBytes);
        Assert.Equal(new GenX320Window(80, 40, 160, 120), spec.RegionOfInterest);
        Assert.Equal(5_000_000, spec.EventRateLimitPerSecond);
        Assert.Equal(10_000, spec.SpatioTemporalFilterMicroseconds);
    }

    [Fact]
    public void A_pin_can_be_none()
    {
        var spec = Assert.IsType<GenX320SourceSpec>(EventSourceSpec.Parse("genx320:reset=none,power=5"));

        Assert.Equal((-1, 5), (spec.ResetPin, spec.PowerEnablePin));
    }

    [Fact]
    public void A_serial_spec_takes_the_port_first_and_defaults_the_rest()
    {
        var spec = Assert.IsType<SerialSourceSpec>(EventSourceSpec.Parse("serial:/dev/ttyUSB0"));

        Assert.Equal("/dev/ttyUSB0", spec.PortName);
        Assert.Equal((921_600, 100, 320, 320), (spec.BaudRate, spec.ReadTimeoutMilliseconds, spec.Width, spec.Height));
    }

    [Fact]
    public void Every_serial_key_is_read()
    {
        var spec = Assert.IsType<SerialSourceSpec>(EventSourceSpec.Parse("serial:COM3,baud=115200,timeout-ms=250,width=640,height=480"));

        Assert.Equal("COM3", spec.PortName);
        Assert.Equal((115_200, 250, 640, 480), (spec.BaudRate, spec.ReadTimeoutMilliseconds, spec.Width, spec.Height));
    }

    [Theory]
    [InlineData("", "source \"\": is empty; expected file:PATH, genx320:KEY=VALUE,... or serial:PORT,KEY=VALUE,...")]
    [InlineData("camera:0", "source \"camera:0\": unknown source kind \"camera\"; expected file:PATH, genx320:KEY=VALUE,... or serial:PORT,KEY=VALUE,...")]
    [InlineData("file:", "source \"file:\": file: needs a path, e.g. file:recording.raw")]
    [InlineData("serial:", "source \"serial:\": serial: needs the port first, e.g. serial:/dev/ttyUSB0,baud=921600")]
    [InlineData("serial:baud=9600", "source \"serial:baud=9600\": serial: needs the port first, e.g. serial:/dev/ttyUSB0,baud=921600")]
    [InlineData("genx320:i2c=x", "source \"genx320:i2c=x\": key \"i2c\": \"x\" is not a whole number; expected an I2C bus number 0..255")]
    [InlineData("genx320:i2c=256", "source \"genx320:i2c=256\": key \"i2c\": 256 is out of range; expected an I2C bus number 0..255")]
    [InlineData("genx320:address=0x80", "source \"genx320:address=0x80\": key \"address\": 0x80 is out of range; expected a 7-bit I2C address 0x08..0x77")]
    [InlineData("genx320:spi=0", "source \"genx320:spi=0\": key \"spi\": \"0\" is not BUS.CS; expected e.g. spi=0.0 for /dev/spidev0.0 (each 0..255)")]
    [InlineData("genx320:reset=17,power=17", "source \"genx320:reset=17,power=17\": key \"power\": GPIO 17 is also the reset pin")]
    [InlineData("genx320:reset=-2", "source \"genx320:reset=-2\": key \"reset\": -2 is out of range; expected a GPIO number 0..1023 or none")]
    [InlineData("genx320:interface=usb", "source \"genx320:interface=usb\": key \"interface\": \"usb\" is not one of cpi, mipi")]
    [InlineData("genx320:roi=400x10+0+0", "source \"genx320:roi=400x10+0+0\": key \"roi\": roi.Width is 400; must be within 1..320 (the array is 320 x 320)")]
    [InlineData("genx320:roi=10x10", "source \"genx320:roi=10x10\": key \"roi\": \"10x10\" is not WxH+LEFT+TOP; expected e.g. roi=160x160+80+80")]
    [InlineData("genx320:erc=100", "source \"genx320:erc=100\": key \"erc\": 100 is out of range; expected events per second 10000..200000000")]
    [InlineData("genx320:stc=10", "source \"genx320:stc=10\": key \"stc\": 10 is out of range; expected a threshold of 1000..100000 us")]
    [InlineData("genx320:chunk=4", "source \"genx320:chunk=4\": key \"chunk\": 4 is out of range; expected bytes per read 8..1048576")]
    [InlineData("genx320:bus=1", "source \"genx320:bus=1\": key \"bus\": unknown key; expected one of i2c, address, spi, spi-hz, reset, power, init, chip-id, interface, chunk, roi, erc, stc")]
    [InlineData("genx320:i2c=1,i2c=2", "source \"genx320:i2c=1,i2c=2\": key \"i2c\": is given more than once")]
    [InlineData("genx320:i2c", "source \"genx320:i2c\": key \"i2c\": has no value; expected i2c=VALUE")]
    [InlineData("genx320:i2c=1,", "source \"genx320:i2c=1,\": has an empty element (two commas in a row, or a trailing comma?)")]
    [InlineData("serial:COM3,baud=fast", "source \"serial:COM3,baud=fast\": key \"baud\": \"fast\" is not a whole number; expected bits per second 1..100000000")]
    [InlineData("serial:COM3,width=0", "source \"serial:COM3,width=0\": key \"width\": 0 is out of range; expected pixels 1..2048")]
    [InlineData("serial:COM3,timeout-ms=0", "source \"serial:COM3,timeout-ms=0\": key \"timeout-ms\": 0 is out of range; expected milliseconds 1..60000")]
    [InlineData("serial:COM3,parity=odd", "source \"serial:COM3,parity=odd\": key \"parity\": unknown key; expected one of baud, timeout-ms, width, height")]
    public void A_bad_spec_is_refused_in_one_line_naming_the_key(string text, string message)
    {
        var error = Assert.Throws<EventSourceSpecException>(() => EventSourceSpec.Parse(text));

        Assert.Equal(message, error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal("source", error.ParamName);
    }

    [Fact]
    public void The_key_at_fault_is_reported()
    {
        var error = Assert.Throws<EventSourceSpecException>(() => EventSourceSpec.Parse("genx320:i2c=1,spi=x"));

        Assert.Equal("spi", error.Key);
        Assert.Equal("genx320:i2c=1,spi=x", error.Specification);
    }

    [Fact]
    public void The_genx320_options_follow_the_spec()
    {
        var spec = Assert.IsType<GenX320SourceSpec>(EventSourceSpec.Parse("genx320:reset=17,power=27,chip-id=0x30501C01,interface=mipi,chunk=1024"));
        var delays = new List<int>();

        var options = spec.CreateOptions(delays.Add);

        Assert.Equal((17, 27), (options.ResetPin, options.PowerEnablePin));
        Assert.Equal(0x30501C01u, options.ExpectedChipId);
        Assert.Equal(GenX320OutputInterface.Mipi, options.OutputInterface);
        Assert.Equal(1_024, options.ReadChunkBytes);
        Assert.Empty(options.InitSequence);
        options.DelayMicroseconds(7);
        Assert.Equal([7], delays);
    }

    [Fact]
    public void The_bring_up_file_is_read_and_its_errors_name_the_line()
    {
        string folder = Support.TestEvents.TempFolder();
        string good = Path.Combine(folder, "init.txt");
        File.WriteAllText(good, "write 0x001C 0x00000001  # clock\ndelay 100\n");
        string bad = Path.Combine(folder, "bad.txt");
        File.WriteAllText(bad, "write 0x001C\n");

        var options = ((GenX320SourceSpec)EventSourceSpec.Parse($"genx320:init={good}")).CreateOptions();
        var error = Assert.Throws<EventSourceException>(() => ((GenX320SourceSpec)EventSourceSpec.Parse($"genx320:init={bad}")).CreateOptions());

        Assert.Equal(2, options.InitSequence.Count);
        Assert.StartsWith("genx320 on I2C bus 1 address 0x3C: bring-up file (init=): " + bad + ": line 1:", error.Message, StringComparison.Ordinal);
    }
}
