namespace Spiking.Edge.ModelFormat.Tests;

public sealed class ModelFileExceptionTests
{
    [Fact]
    public void Message_names_source_field_offset_expected_and_found()
    {
        var error = new ModelFileException("m.sem", "layers[1].bias[0]", 17, "-8388608..8388607", "9000000");

        Assert.Equal("m.sem: layers[1].bias[0] at byte 17: -8388608..8388607, found 9000000", error.Message);
        Assert.Equal("m.sem", error.Source);
        Assert.Equal("layers[1].bias[0]", error.Field);
        Assert.Equal(17, error.Offset);
    }

    [Fact]
    public void Message_without_field_or_offset_stays_one_line()
    {
        var error = new ModelFileException("m.sem", string.Empty, -1, "a readable\nmodel file", "denied");

        Assert.Equal("m.sem: a readable model file, found denied", error.Message);
        Assert.Equal(-1, error.Offset);
    }

    [Fact]
    public void Message_with_an_offset_but_no_field_names_the_byte()
    {
        var error = new ModelFileException("m.sem", string.Empty, 3, "a valid tag", "field 0");

        Assert.Equal("m.sem: byte 3: a valid tag, found field 0", error.Message);
    }
}
