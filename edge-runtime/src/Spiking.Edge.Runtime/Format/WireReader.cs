namespace Spiking.Edge.Runtime.Format
{
    /// <summary>
    /// A bounds-checked protobuf wire reader over a region of a byte array. Every read checks what remains of the
    /// region in subtraction form before touching a byte; lengths are compared in 64 bits; nothing is allocated.
    /// A region is either the whole file (reads past its end are <see cref="ModelErrorCode.Truncated"/>) or an
    /// embedded message (a length prefix past its end is <see cref="ModelErrorCode.LengthOutOfRange"/>).
    /// </summary>
    internal struct WireReader
    {
        /// <summary>Deepest message nesting accepted (the schema needs 2: Model → Layer → Weights).</summary>
        public const int MaxDepth = 8;

        /// <summary>Largest field number protobuf allows.</summary>
        public const int MaxFieldNumber = 536870911;

        private readonly byte[] _buffer;
        private readonly int _limit;
        private readonly int _depth;
        private readonly bool _isFile;
        private int _position;
        private int _field;

        private WireReader(byte[] buffer, int start, int limit, int depth, bool isFile)
        {
            _buffer = buffer;
            _position = start;
            _limit = limit;
            _depth = depth;
            _isFile = isFile;
            _field = 0;
        }

        /// <summary>A reader over the whole file.</summary>
        public static WireReader ForFile(byte[] buffer)
        {
            return new WireReader(buffer, 0, buffer.Length, 0, true);
        }

        /// <summary>Offset of the next byte to read.</summary>
        public int Position => _position;

        /// <summary>Offset just past the region.</summary>
        public int Limit => _limit;

        /// <summary>True when the whole region has been read.</summary>
        public bool IsAtEnd => _position >= _limit;

        /// <summary>Field number of the last tag read (0 before the first).</summary>
        public int Field => _field;

        /// <summary>
        /// Reads a tag; returns its offset and gives its field number and wire type. Refuses field number 0 or
        /// above 2^29 − 1 and wire types other than 0, 1, 2, 5.
        /// </summary>
        public int ReadTag(out int fieldNumber, out int wireType)
        {
            int tagOffset = _position;
            ulong tag = ReadVarint();
            if (tag > 0xFFFFFFFFUL)
            {
                throw new ModelFormatException(ModelErrorCode.BadFieldNumber, tagOffset, 0);
            }

            wireType = (int)(tag & 7UL);
            ulong number = tag >> 3;
            if (number == 0UL || number > MaxFieldNumber)
            {
                throw new ModelFormatException(ModelErrorCode.BadFieldNumber, tagOffset, 0);
            }

            fieldNumber = (int)number;
            _field = fieldNumber;
            if (wireType != WireType.Varint && wireType != WireType.Fixed64
                && wireType != WireType.LengthDelimited && wireType != WireType.Fixed32)
            {
                throw new ModelFormatException(ModelErrorCode.BadWireType, tagOffset, fieldNumber);
            }

            return tagOffset;
        }

        /// <summary>Reads a base-128 varint of at most 10 bytes whose value fits in 64 bits.</summary>
        public ulong ReadVarint()
        {
            int start = _position;
            ulong result = 0;
            for (int i = 0; i < 10; i++)
            {
                if (_position >= _limit)
                {
                    throw new ModelFormatException(ModelErrorCode.Truncated, _position, _field);
                }

                byte b = _buffer[_position];
                _position++;
                if (i == 9 && b > 1)
                {
                    throw new ModelFormatException(ModelErrorCode.VarintTooLong, start, _field);
                }

                result |= (ulong)(b & 0x7F) << (7 * i);
                if ((b & 0x80) == 0)
                {
                    return result;
                }
            }

            throw new ModelFormatException(ModelErrorCode.VarintTooLong, start, _field);
        }

        /// <summary>Reads a varint that must fit an unsigned 32-bit field.</summary>
        public uint ReadUInt32()
        {
            int start = _position;
            ulong value = ReadVarint();
            if (value > 0xFFFFFFFFUL)
            {
                throw new ModelFormatException(ModelErrorCode.ValueOutOfRange, start, _field);
            }

            return (uint)value;
        }

        /// <summary>Reads a zigzag varint that must fit a signed 32-bit field (sint32).</summary>
        public int ReadSInt32()
        {
            uint raw = ReadUInt32();
            return (int)(raw >> 1) ^ -(int)(raw & 1);
        }

        /// <summary>Reads four little-endian bytes.</summary>
        public uint ReadFixed32()
        {
            Require(4);
            uint value = (uint)_buffer[_position]
                | ((uint)_buffer[_position + 1] << 8)
                | ((uint)_buffer[_position + 2] << 16)
                | ((uint)_buffer[_position + 3] << 24);
            _position += 4;
            return value;
        }

        /// <summary>Reads eight little-endian bytes.</summary>
        public ulong ReadFixed64()
        {
            Require(8);
            ulong low = ReadFixed32();
            ulong high = ReadFixed32();
            return low | (high << 32);
        }

        /// <summary>
        /// Reads a length prefix and checks it against what remains; returns the length, gives the offset of
        /// the first payload byte, and moves past the payload.
        /// </summary>
        public int ReadLengthDelimited(out int payloadStart)
        {
            int prefixOffset = _position;
            ulong length = ReadVarint();
            ulong remaining = (ulong)(_limit - _position);
            if (length > remaining)
            {
                ModelErrorCode code = _isFile && length <= 0x7FFFFFFFUL ? ModelErrorCode.Truncated : ModelErrorCode.LengthOutOfRange;
                throw new ModelFormatException(code, prefixOffset, _field);
            }

            payloadStart = _position;
            _position += (int)length;
            return (int)length;
        }

        /// <summary>A reader over an embedded message read by <see cref="ReadLengthDelimited"/>, one level deeper.</summary>
        public WireReader Nested(int payloadStart, int length)
        {
            if (_depth + 1 > MaxDepth)
            {
                throw new ModelFormatException(ModelErrorCode.NestingTooDeep, payloadStart, _field);
            }

            return new WireReader(_buffer, payloadStart, payloadStart + length, _depth + 1, false);
        }

        /// <summary>Skips the value of a field of the given (already validated) wire type.</summary>
        public void SkipValue(int wireType)
        {
            int start;
            switch (wireType)
            {
                case WireType.Varint:
                    ReadVarint();
                    break;
                case WireType.Fixed64:
                    Require(8);
                    _position += 8;
                    break;
                case WireType.LengthDelimited:
                    ReadLengthDelimited(out start);
                    break;
                case WireType.Fixed32:
                    Require(4);
                    _position += 4;
                    break;
                default:
                    throw new ModelFormatException(ModelErrorCode.BadWireType, _position, _field);
            }
        }

        /// <summary>Refuses a field whose wire type is not <paramref name="expected"/>.</summary>
        public void ExpectWireType(int wireType, int expected, int tagOffset)
        {
            if (wireType != expected)
            {
                throw new ModelFormatException(ModelErrorCode.BadWireType, tagOffset, _field);
            }
        }

        private void Require(int count)
        {
            if (_limit - _position < count)
            {
                throw new ModelFormatException(ModelErrorCode.Truncated, _position, _field);
            }
        }
    }
}
