using Spiking.Edge.Runtime.Format;

namespace Spiking.Edge.Runtime.Tests.Format;

public class ModelFormatExceptionTests
{
    [Fact]
    public void Message_names_code_offset_and_field()
    {
        var error = new ModelFormatException(ModelErrorCode.ChecksumMismatch, 1234, 15);
        Assert.Equal("ChecksumMismatch at byte 1234 (field 15)", error.Message);
        Assert.Equal((ModelErrorCode.ChecksumMismatch, 1234L, 15), (error.Code, error.Offset, error.FieldNumber));
    }
}
