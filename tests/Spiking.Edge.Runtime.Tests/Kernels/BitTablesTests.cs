using Spiking.Edge.Runtime.Kernels;

namespace Spiking.Edge.Runtime.Tests.Kernels;

public class BitTablesTests
{
    [Fact]
    public void Every_byte_lists_its_set_bits_in_increasing_order_and_counts_them()
    {
        for (int b = 0; b < 256; b++)
        {
            var expected = Enumerable.Range(0, 8).Where(bit => (b & (1 << bit)) != 0).Select(bit => (byte)bit).ToArray();
            Assert.Equal(expected.Length, BitTables.Counts[b]);
            Assert.Equal(expected, BitTables.Positions.Skip(b * 8).Take(expected.Length).ToArray());
        }
    }
}
