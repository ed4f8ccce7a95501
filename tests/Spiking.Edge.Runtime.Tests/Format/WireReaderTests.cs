using Spiking.Edge.Runtime.Format;

namespace Spiking.Edge.Runtime.Tests.Format;

public class WireReaderTests
{
    private static ModelFormatException Refuses(Action action) => Assert.Throws<ModelFormatException>(action);

    [Fact]
    public void Ten_byte_varint_with_the_top_bit_only_reads_as_the_largest_value()
    {
        var bytes = new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01 };
        WireReader reader = WireReader.ForFile(bytes);
        Assert.Equal(ulong.MaxValue, reader.ReadVarint());
        Assert.True(reader.IsAtEnd);
    }

    [Fact]
    public void Varint_overflowing_64_bits_in_its_tenth_byte_is_refused()
    {
        var bytes = new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x02 };
        var error = Refuses(() => WireReader.ForFile(bytes).ReadVarint());
        Assert.Equal(ModelErrorCode.VarintTooLong, error.Code);
        Assert.Equal(0, error.Offset);
    }

    [Fact]
    public void Varint_longer_than_ten_bytes_is_refused()
    {
        var bytes = Enumerable.Repeat((byte)0x80, 11).Append((byte)0).ToArray();
        Assert.Equal(ModelErrorCode.VarintTooLong, Refuses(() => WireReader.ForFile(bytes).ReadVarint()).Code);
    }

    [Fact]
    public void Varint_cut_by_the_end_of_the_file_is_truncated_at_that_offset()
    {
        var bytes = new byte[] { 0x08, 0x96 };
        var error = Refuses(() =>
        {
            WireReader reader = WireReader.ForFile(bytes);
            reader.ReadTag(out _, out _);
            reader.ReadVarint();
        });
        Assert.Equal(ModelErrorCode.Truncated, error.Code);
        Assert.Equal(2, error.Offset);
        Assert.Equal(1, error.FieldNumber);
    }

    [Fact]
    public void Truncated_length_prefix_is_refused_with_offset()
    {
        var bytes = new byte[] { 0x1A, 0x05, 1, 2 };
        var error = Refuses(() =>
        {
            WireReader reader = WireReader.ForFile(bytes);
            reader.ReadTag(out _, out _);
            reader.ReadLengthDelimited(out _);
        });
        Assert.Equal(ModelErrorCode.Truncated, error.Code);
        Assert.Equal(1, error.Offset);
        Assert.Equal(3, error.FieldNumber);
    }

    [Fact]
    public void Length_of_two_to_the_40_is_out_of_range_not_allocated()
    {
        var list = new List<byte> { 0x1A };
        Support.TestModels.WriteVarint(list, 1UL << 40);
        var error = Refuses(() =>
        {
            WireReader reader = WireReader.ForFile(list.ToArray());
            reader.ReadTag(out _, out _);
            reader.ReadLengthDelimited(out _);
        });
        Assert.Equal(ModelErrorCode.LengthOutOfRange, error.Code);
    }

    [Fact]
    public void Length_beyond_the_enclosing_message_is_out_of_range()
    {
        // Outer message of 2 bytes holding a field that claims 3.
        var bytes = new byte[] { 0x1A, 0x02, 0x0A, 0x03, 9, 9, 9 };
        var error = Refuses(() =>
        {
            WireReader reader = WireReader.ForFile(bytes);
            reader.ReadTag(out _, out _);
            int length = reader.ReadLengthDelimited(out int start);
            WireReader inner = reader.Nested(start, length);
            inner.ReadTag(out _, out _);
            inner.ReadLengthDelimited(out _);
        });
        Assert.Equal(ModelErrorCode.LengthOutOfRange, error.Code);
        Assert.Equal(3, error.Offset);
    }

    [Theory]
    [InlineData(0x0B)]
    [InlineData(0x0C)]
    [InlineData(0x0E)]
    [InlineData(0x0F)]
    public void Group_and_reserved_wire_types_are_refused(byte tag)
    {
        var error = Refuses(() => WireReader.ForFile(new[] { tag, (byte)0 }).ReadTag(out _, out _));
        Assert.Equal(ModelErrorCode.BadWireType, error.Code);
        Assert.Equal(1, error.FieldNumber);
    }

    [Fact]
    public void Field_number_zero_is_refused()
    {
        Assert.Equal(ModelErrorCode.BadFieldNumber, Refuses(() => WireReader.ForFile(new byte[] { 0x00 }).ReadTag(out _, out _)).Code);
    }

    [Fact]
    public void Fixed_width_values_read_little_endian_and_refuse_truncation()
    {
        var bytes = new byte[] { 0x78, 0x56, 0x34, 0x12, 1, 0, 0, 0, 0, 0, 0, 0x80 };
        WireReader reader = WireReader.ForFile(bytes);
        Assert.Equal(0x12345678u, reader.ReadFixed32());
        Assert.Equal(0x8000000000000001UL, reader.ReadFixed64());
        Assert.Equal(ModelErrorCode.Truncated, Refuses(() => WireReader.ForFile(new byte[] { 1, 2, 3 }).ReadFixed32()).Code);
    }

    [Theory]
    [InlineData(new byte[] { 0x08, 0x96, 0x01, 0x10, 0x01 })]
    [InlineData(new byte[] { 0x09, 1, 2, 3, 4, 5, 6, 7, 8, 0x10, 0x01 })]
    [InlineData(new byte[] { 0x0A, 0x02, 7, 7, 0x10, 0x01 })]
    [InlineData(new byte[] { 0x0D, 1, 2, 3, 4, 0x10, 0x01 })]
    public void Unknown_fields_of_every_wire_type_are_skipped(byte[] bytes)
    {
        WireReader reader = WireReader.ForFile(bytes);
        reader.ReadTag(out _, out int wireType);
        reader.SkipValue(wireType);
        reader.ReadTag(out int field, out _);
        Assert.Equal(2, field);
        Assert.Equal(1UL, reader.ReadVarint());
        Assert.True(reader.IsAtEnd);
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_refused()
    {
        var bytes = new byte[16];
        WireReader reader = WireReader.ForFile(bytes);
        for (int depth = 0; depth < WireReader.MaxDepth; depth++)
        {
            reader = reader.Nested(0, 16);
        }

        var inner = reader;
        Assert.Equal(ModelErrorCode.NestingTooDeep, Refuses(() => inner.Nested(0, 16)).Code);
    }

    [Fact]
    public void Sint32_decodes_zigzag()
    {
        var bytes = new byte[] { 0x03, 0x04, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F };
        WireReader reader = WireReader.ForFile(bytes);
        Assert.Equal(-2, reader.ReadSInt32());
        Assert.Equal(2, reader.ReadSInt32());
        Assert.Equal(int.MinValue, reader.ReadSInt32());
    }
}
