namespace Spiking.Edge.Runtime.Format
{
    /// <summary>The protobuf wire types this reader accepts (groups, 3 and 4, are refused).</summary>
    internal static class WireType
    {
        /// <summary>Base-128 varint.</summary>
        public const int Varint = 0;

        /// <summary>Eight little-endian bytes.</summary>
        public const int Fixed64 = 1;

        /// <summary>Varint length, then that many bytes.</summary>
        public const int LengthDelimited = 2;

        /// <summary>Four little-endian bytes.</summary>
        public const int Fixed32 = 5;
    }
}
