namespace Spiking.Edge.Runtime.Events.Evt21
{
    /// <summary>
    /// How the 64-bit EVT 2.1 words are laid out in bytes (Prophesee EVT 2.1 documentation, "little-endian" note).
    /// </summary>
    public enum Evt21ByteOrder
    {
        /// <summary>
        /// The whole 64-bit word little-endian (GenX320; RAW header <c>endianness=little</c>): word
        /// 0x0102030405060708 arrives as bytes 08 07 06 05 04 03 02 01. The first four bytes hold the 32-bit
        /// payload (the validity mask), the last four the type, time and address.
        /// </summary>
        Little = 0,

        /// <summary>
        /// Two little-endian 32-bit halves, high half first (IMX636; RAW header <c>endianness=legacy</c>): word
        /// 0x0102030405060708 arrives as bytes 04 03 02 01 08 07 06 05. The first four bytes hold the type, time and
        /// address, the last four the payload.
        /// </summary>
        Legacy = 1,
    }
}
