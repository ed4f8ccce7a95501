namespace Spiking.Edge.Runtime.Events.Evt21
{
    /// <summary>The word-level part of the decoder: one 8-byte word at a time.</summary>
    public sealed partial class Evt21StreamDecoder
    {
        private static readonly string[] TypeNames =
        {
            "0x0", "0x1", "0x2", "0x3", "0x4", "0x5", "0x6", "0x7", "0x8", "0x9", "0xA", "0xB", "0xC", "0xD", "0xE", "0xF",
        };

        // Decodes the word at source[index..index+8); returns Done, OutputFull (resume at _resumeBit) or Faulted.
        private int ProcessWord(byte[] source, int index, long wordOffset, Event[] output, int outputOffset, int outputCapacity, ref int written)
        {
            int first = source[index] | (source[index + 1] << 8) | (source[index + 2] << 16) | (source[index + 3] << 24);
            int second = source[index + 4] | (source[index + 5] << 8) | (source[index + 6] << 16) | (source[index + 7] << 24);
            int header = _byteOrder == Evt21ByteOrder.Little ? second : first;
            int payload = _byteOrder == Evt21ByteOrder.Little ? first : second;
            int type = (header >> Evt21Format.TypeShift) & 0xF;

            switch (type)
            {
                case Evt21Format.TypeNegative:
                case Evt21Format.TypePositive:
                    return ProcessVector(header, payload, type, output, outputOffset, outputCapacity, ref written);
                case Evt21Format.TypeTimeHigh:
                    return ProcessTimeHigh(header & Evt21Format.TimeHighMask, wordOffset);
                case Evt21Format.TypeExternalTrigger:
                    _externalTriggerWords++;
                    return Done;
                case Evt21Format.TypeOthers:
                    _othersWords++;
                    return Done;
                case Evt21Format.TypeContinued:
                    _continuedWords++;
                    return Done;
                default:
                    Fail(wordOffset, "word type " + TypeNames[type] + " is reserved in EVT 2.1");
                    return Faulted;
            }
        }

        private int ProcessVector(int header, int payload, int polarity, Event[] output, int outputOffset, int outputCapacity, ref int written)
        {
            if (!_hasTimeBase)
            {
                _droppedBeforeTimeBase += CountBits(payload);
                return Done;
            }

            int x = (header >> Evt21Format.XShift) & Evt21Format.AddressMask;
            int y = header & Evt21Format.AddressMask;
            long timestamp = _timeBase + ((header >> Evt21Format.TimeLowShift) & Evt21Format.TimeLowMask);
            for (int bit = _resumeBit; bit < Evt21Format.MaxEventsPerWord; bit++)
            {
                if (((payload >> bit) & 1) == 0)
                {
                    continue;
                }

                int eventX = x + bit;
                if (eventX >= _width || y >= _height)
                {
                    _droppedOutOfGeometry++;
                    continue;
                }

                if (written == outputCapacity)
                {
                    _resumeBit = bit;
                    return OutputFull;
                }

                int slot = outputOffset + written;
                output[slot].X = (ushort)eventX;
                output[slot].Y = (ushort)y;
                output[slot].Polarity = (byte)polarity;
                output[slot].TimestampMicroseconds = timestamp;
                written++;
                _eventCount++;
            }

            _resumeBit = 0;
            return Done;
        }

        private int ProcessTimeHigh(int timeHigh, long wordOffset)
        {
            if (_hasTimeBase && timeHigh < _timeHigh)
            {
                if (_timeHigh - timeHigh < Evt21Format.TimeHighHalfRange)
                {
                    Fail(
                        wordOffset,
                        "TIME_HIGH goes back from " + (((long)_timeHigh) << Evt21Format.TimeLowBits).ToString() + " us to "
                        + (((long)timeHigh) << Evt21Format.TimeLowBits).ToString()
                        + " us, less than half the 2^34 us range (not a wrap-around)");
                    return Faulted;
                }

                _loops++;
                _timeLoops++;
            }

            _hasTimeBase = true;
            _timeHigh = timeHigh;
            _timeBase = (_loops << Evt21Format.TimestampBits) + (((long)timeHigh) << Evt21Format.TimeLowBits);
            return Done;
        }

        private static int CountBits(int value)
        {
            int count = 0;
            for (int bit = 0; bit < 32; bit++)
            {
                count += (value >> bit) & 1;
            }

            return count;
        }
    }
}
