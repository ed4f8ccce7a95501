using Spiking.Edge.Runtime.Events.Evt21;

namespace Spiking.Edge.Sample.Nano
{
    /// <summary>
    /// The ASCII header of a Prophesee RAW file ("% key value" lines, ended by "% end" or by the first line that does
    /// not start with "% "), read from the stream's first bytes without strings or generics. It gives the geometry and
    /// the EVT 2.1 byte order as devices/.../Prophesee/RawHeaderFormat.cs does: "% format EVT21;endianness=…;height=…;
    /// width=…", else "% evt 2.1" (legacy byte order), then "% geometry WxH" and "% endianness little|legacy". A stream
    /// without a header (a live sensor link) keeps the defaults.
    /// </summary>
    internal sealed class RawHeader
    {
        private const byte Percent = 0x25;
        private const byte Space = 0x20;
        private const byte NewLine = 0x0A;
        private const byte CarriageReturn = 0x0D;
        private const int MaxSide = 2048;

        private bool _hasFormat;
        private bool _hasEvt;
        private bool _hasOrder;

        private RawHeader(int width, int height, Evt21ByteOrder byteOrder)
        {
            Width = width;
            Height = height;
            ByteOrder = byteOrder;
        }

        /// <summary>Offset of the body's first byte in the bytes given to <see cref="Parse"/>.</summary>
        public int BodyOffset { get; private set; }

        /// <summary>Sensor width in pixels.</summary>
        public int Width { get; private set; }

        /// <summary>Sensor height in pixels.</summary>
        public int Height { get; private set; }

        /// <summary>How the body's 64-bit words are laid out.</summary>
        public Evt21ByteOrder ByteOrder { get; private set; }

        /// <summary>Header lines read.</summary>
        public int LineCount { get; private set; }

        /// <summary>Why the header cannot be used (one line naming the byte offset), or null.</summary>
        public string Problem { get; private set; }

        /// <summary>Reads the header at the start of <paramref name="bytes"/>[0, count).</summary>
        public static RawHeader Parse(byte[] bytes, int count, int defaultWidth, int defaultHeight, Evt21ByteOrder defaultOrder)
        {
            RawHeader header = new RawHeader(defaultWidth, defaultHeight, defaultOrder);
            int position = 0;
            while (header.Problem == null && position + 1 < count && bytes[position] == Percent && bytes[position + 1] == Space)
            {
                int end = position;
                while (end < count && bytes[end] != NewLine)
                {
                    end++;
                }

                if (end == count)
                {
                    header.Problem = "RAW header line at byte " + position.ToString() + " does not end within the first " + count.ToString() + " bytes";
                    break;
                }

                int lineEnd = end > position && bytes[end - 1] == CarriageReturn ? end - 1 : end;
                header.LineCount++;
                bool isEnd = header.ReadLine(bytes, position + 2, lineEnd, position);
                position = end + 1;
                if (isEnd)
                {
                    break;
                }
            }

            header.BodyOffset = position;
            if (header.Problem == null && header.LineCount > 0 && !header._hasFormat && !header._hasEvt)
            {
                header.Problem = "RAW header names no event format (no '% format' or '% evt' line)";
            }

            if (!header._hasOrder && header.LineCount > 0)
            {
                // As OpenEB: "% evt 2.1" without an endianness predates the option and means the IMX636 (legacy) layout.
                header.ByteOrder = header._hasFormat ? Evt21ByteOrder.Little : Evt21ByteOrder.Legacy;
            }

            return header;
        }

        /// <summary>Reads one "key value" line (after "% "); true for "% end".</summary>
        private bool ReadLine(byte[] bytes, int start, int end, int lineOffset)
        {
            int keyEnd = start;
            while (keyEnd < end && bytes[keyEnd] != Space)
            {
                keyEnd++;
            }

            int valueStart = keyEnd < end ? keyEnd + 1 : end;
            if (Spells(bytes, start, keyEnd, "end"))
            {
                return true;
            }

            if (Spells(bytes, start, keyEnd, "format"))
            {
                ReadFormat(bytes, valueStart, end, lineOffset);
            }
            else if (Spells(bytes, start, keyEnd, "evt"))
            {
                _hasEvt = true;
                if (!_hasFormat && !Spells(bytes, valueStart, end, "2.1"))
                {
                    Problem = "RAW header at byte " + lineOffset.ToString() + ": this sample decodes EVT 2.1 only";
                }
            }
            else if (Spells(bytes, start, keyEnd, "geometry"))
            {
                int x = IndexOf(bytes, valueStart, end, (byte)'x');
                int width = x < 0 ? -1 : Number(bytes, valueStart, x);
                int height = x < 0 ? -1 : Number(bytes, x + 1, end);
                if (width < 1 || height < 1)
                {
                    Problem = "RAW header at byte " + lineOffset.ToString() + ": geometry is not WIDTHxHEIGHT with sides in 1..2048";
                    return false;
                }

                Width = width;
                Height = height;
            }
            else if (Spells(bytes, start, keyEnd, "endianness") && !_hasOrder)
            {
                ReadByteOrder(bytes, valueStart, end, lineOffset);
            }

            return false;
        }

        /// <summary>"EVT21;endianness=little;height=320;width=320".</summary>
        private void ReadFormat(byte[] bytes, int start, int end, int lineOffset)
        {
            _hasFormat = true;
            int nameEnd = IndexOf(bytes, start, end, (byte)';');
            if (nameEnd < 0)
            {
                nameEnd = end;
            }

            if (!Spells(bytes, start, nameEnd, "EVT21"))
            {
                Problem = "RAW header at byte " + lineOffset.ToString() + ": this sample decodes EVT21 only";
                return;
            }

            int option = nameEnd + 1;
            while (option < end && Problem == null)
            {
                int optionEnd = IndexOf(bytes, option, end, (byte)';');
                if (optionEnd < 0)
                {
                    optionEnd = end;
                }

                int equals = IndexOf(bytes, option, optionEnd, (byte)'=');
                if (equals > 0)
                {
                    if (Spells(bytes, option, equals, "width") || Spells(bytes, option, equals, "height"))
                    {
                        int side = Number(bytes, equals + 1, optionEnd);
                        if (side < 1)
                        {
                            Problem = "RAW header at byte " + lineOffset.ToString() + ": format width or height is not in 1..2048";
                        }
                        else if (bytes[option] == (byte)'w')
                        {
                            Width = side;
                        }
                        else
                        {
                            Height = side;
                        }
                    }
                    else if (Spells(bytes, option, equals, "endianness"))
                    {
                        ReadByteOrder(bytes, equals + 1, optionEnd, lineOffset);
                    }
                }

                option = optionEnd + 1;
            }
        }

        private void ReadByteOrder(byte[] bytes, int start, int end, int lineOffset)
        {
            if (Spells(bytes, start, end, "little"))
            {
                ByteOrder = Evt21ByteOrder.Little;
                _hasOrder = true;
            }
            else if (Spells(bytes, start, end, "legacy"))
            {
                ByteOrder = Evt21ByteOrder.Legacy;
                _hasOrder = true;
            }
            else
            {
                Problem = "RAW header at byte " + lineOffset.ToString() + ": endianness is not 'little' or 'legacy'";
            }
        }

        /// <summary>True when bytes[start, end) spell <paramref name="text"/> (ASCII).</summary>
        private static bool Spells(byte[] bytes, int start, int end, string text)
        {
            if (end - start != text.Length)
            {
                return false;
            }

            for (int i = 0; i < text.Length; i++)
            {
                if (bytes[start + i] != (byte)text[i])
                {
                    return false;
                }
            }

            return true;
        }

        private static int IndexOf(byte[] bytes, int start, int end, byte value)
        {
            for (int i = start; i < end; i++)
            {
                if (bytes[i] == value)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>The decimal number bytes[start, end) spell, or -1 when it is not a whole number in 1..2048.</summary>
        private static int Number(byte[] bytes, int start, int end)
        {
            if (end <= start || end - start > 4)
            {
                return -1;
            }

            int value = 0;
            for (int i = start; i < end; i++)
            {
                int digit = bytes[i] - (byte)'0';
                if (digit < 0 || digit > 9)
                {
                    return -1;
                }

                value = (value * 10) + digit;
            }

            return value >= 1 && value <= MaxSide ? value : -1;
        }
    }
}
