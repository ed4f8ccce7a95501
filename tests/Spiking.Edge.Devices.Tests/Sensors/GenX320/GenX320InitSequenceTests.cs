using Spiking.Edge.Devices.Sensors.GenX320;

namespace Spiking.Edge.Devices.Tests.Sensors.GenX320;

public class GenX320InitSequenceTests
{
    [Fact]
    public void Writes_and_delays_are_read_in_order_ignoring_comments_and_blank_lines()
    {
        const string text = "# EVK-like bring-up\r\nwrite 0x001C 0x00000001\n\ndelay 10000   # let the reset settle\nWRITE 0xF004 1\n";

        var sequence = GenX320InitSequence.Parse(text, "board.txt");

        Assert.Equal(
            [GenX320RegisterOperation.Write(0x001C, 1), GenX320RegisterOperation.Delay(10_000), GenX320RegisterOperation.Write(0xF004, 1)],
            sequence);
    }

    [Theory]
    [InlineData("write 0x001C", "board.txt: line 2: expected \"write 0xADDR 0xVALUE\" or \"delay MICROSECONDS\", found \"write 0x001C\"")]
    [InlineData("write 0x10000 0x1", "board.txt: line 2: register address 0x10000 is above 0xFFFF")]
    [InlineData("delay 20000000", "board.txt: line 2: delay 20000000 us is above 10,000,000")]
    [InlineData("write 0x001C 0xZZ", "board.txt: line 2: \"0xZZ\" is not a 32-bit number (decimal or 0x hex)")]
    [InlineData("poke 1 2", "board.txt: line 2: expected \"write 0xADDR 0xVALUE\" or \"delay MICROSECONDS\", found \"poke 1 2\"")]
    public void A_malformed_line_is_refused_naming_the_source_and_the_line(string line, string message)
    {
        var error = Assert.Throws<FormatException>(() => GenX320InitSequence.Parse("delay 1\n" + line + "\n", "board.txt"));

        Assert.Equal(message, error.Message);
    }
}
