namespace Spiking.Edge.Runtime.Format
{
    /// <summary>
    /// Reads and validates a model file (spiking_edge_model.proto, format version 1.0 or 1.1) straight from its bytes
    /// with <see cref="WireReader"/>. Everything the runtime will rely on is checked here, so the hot path checks only
    /// sensor data: structure, checksum (the last field, CRC-32 of every byte before its tag), version, limits of
    /// semantics.md §1, size chaining, neuron parameters (§4), lookup tables (§4.4), the range rule (§4.5) and the
    /// weight encodings (§3). Weight values and index stay in the caller's array; only per-neuron arrays and table
    /// values are decoded into arrays, each no larger than the bytes that encode it.
    /// </summary>
    internal static partial class ModelLoader
    {
        private const int FieldFormatMajor = 1;
        private const int FieldFormatMinor = 2;
        private const int FieldInput = 3;
        private const int FieldTickMicroseconds = 4;
        private const int FieldTicksPerSample = 5;
        private const int FieldLayers = 6;
        private const int FieldReadout = 7;
        private const int FieldLabels = 8;
        private const int FieldChecksum = 15;

        /// <summary>Parses and validates <paramref name="model"/>; throws <see cref="ModelFormatException"/> on any fault.</summary>
        public static ModelDescriptor Load(byte[] model)
        {
            if (model == null)
            {
                throw new System.ArgumentNullException(nameof(model));
            }

            TopLevel top = ScanTopLevel(model);

            // A major version written and unknown is named first: a future format may seal its files differently.
            // An absent one (proto3 zero) is reported only once the file has proved complete and intact.
            if (top.FormatMajorOffset >= 0 && top.FormatMajor != Semantics.FormatMajor)
            {
                throw new ModelFormatException(ModelErrorCode.UnsupportedMajorVersion, top.FormatMajorOffset, FieldFormatMajor);
            }

            if (top.ChecksumOffset < 0)
            {
                throw new ModelFormatException(ModelErrorCode.ChecksumMissing, model.Length, FieldChecksum);
            }

            if (Crc32.Compute(model, 0, top.ChecksumOffset) != top.Checksum)
            {
                throw new ModelFormatException(ModelErrorCode.ChecksumMismatch, top.ChecksumOffset, FieldChecksum);
            }

            if (top.FormatMajor != Semantics.FormatMajor)
            {
                throw new ModelFormatException(ModelErrorCode.UnsupportedMajorVersion, 0, FieldFormatMajor);
            }

            // Every field of the format changes the arithmetic: a newer minor version cannot be read by skipping.
            if (top.FormatMinor > Semantics.FormatMinor)
            {
                throw new ModelFormatException(ModelErrorCode.UnsupportedMinorVersion, top.FormatMinorOffset, FieldFormatMinor);
            }

            var descriptor = new ModelDescriptor();
            ReadInput(model, top, descriptor);
            ReadTiming(top, descriptor);
            ReadLayers(model, top, descriptor);
            ReadReadout(model, top, descriptor);
            LayerDescriptor last = descriptor.Layers[descriptor.Layers.Length - 1];
            if (top.LabelCount != 0 && top.LabelCount != last.OutputSize)
            {
                throw new ModelFormatException(ModelErrorCode.SizeMismatch, top.FirstLabelOffset, FieldLabels);
            }

            return descriptor;
        }

        /// <summary>
        /// Walks the top-level fields once: wire structure, where each message lies, how many layers and labels,
        /// and the checksum (which must be the last field).
        /// </summary>
        private static TopLevel ScanTopLevel(byte[] model)
        {
            var top = new TopLevel();
            WireReader reader = WireReader.ForFile(model);
            while (!reader.IsAtEnd)
            {
                int tagOffset = reader.ReadTag(out int field, out int wireType);
                if (top.ChecksumOffset >= 0)
                {
                    throw new ModelFormatException(ModelErrorCode.ChecksumNotLast, tagOffset, field);
                }

                switch (field)
                {
                    case FieldFormatMajor:
                        reader.ExpectWireType(wireType, WireType.Varint, tagOffset);
                        top.FormatMajor = reader.ReadUInt32();
                        top.FormatMajorOffset = tagOffset;
                        break;
                    case FieldFormatMinor:
                        reader.ExpectWireType(wireType, WireType.Varint, tagOffset);
                        top.FormatMinor = reader.ReadVarint();
                        top.FormatMinorOffset = tagOffset;
                        break;
                    case FieldTickMicroseconds:
                        reader.ExpectWireType(wireType, WireType.Varint, tagOffset);
                        top.TickMicroseconds = reader.ReadUInt32();
                        top.TickOffset = tagOffset;
                        break;
                    case FieldTicksPerSample:
                        reader.ExpectWireType(wireType, WireType.Varint, tagOffset);
                        top.TicksPerSample = reader.ReadUInt32();
                        top.TicksOffset = tagOffset;
                        break;
                    case FieldInput:
                        reader.ExpectWireType(wireType, WireType.LengthDelimited, tagOffset);
                        RejectDuplicate(top.InputOffset, tagOffset, field);
                        top.InputOffset = tagOffset;
                        top.InputLength = reader.ReadLengthDelimited(out top.InputStart);
                        break;
                    case FieldReadout:
                        reader.ExpectWireType(wireType, WireType.LengthDelimited, tagOffset);
                        RejectDuplicate(top.ReadoutOffset, tagOffset, field);
                        top.ReadoutOffset = tagOffset;
                        top.ReadoutLength = reader.ReadLengthDelimited(out top.ReadoutStart);
                        break;
                    case FieldLayers:
                        reader.ExpectWireType(wireType, WireType.LengthDelimited, tagOffset);
                        if (top.LayerCount == Semantics.MaxLayers)
                        {
                            throw new ModelFormatException(ModelErrorCode.ValueOutOfRange, tagOffset, field);
                        }

                        top.LayerCount++;
                        reader.ReadLengthDelimited(out _);
                        break;
                    case FieldLabels:
                        reader.ExpectWireType(wireType, WireType.LengthDelimited, tagOffset);
                        if (top.LabelCount == 0)
                        {
                            top.FirstLabelOffset = tagOffset;
                        }

                        top.LabelCount++;
                        reader.ReadLengthDelimited(out _);
                        break;
                    case FieldChecksum:
                        reader.ExpectWireType(wireType, WireType.Fixed32, tagOffset);
                        top.Checksum = reader.ReadFixed32();
                        top.ChecksumOffset = tagOffset;
                        break;
                    default:
                        // Provenance (9) and unknown fields: bounds-checked and skipped.
                        reader.SkipValue(wireType);
                        break;
                }
            }

            return top;
        }

        private static void ReadInput(byte[] model, TopLevel top, ModelDescriptor descriptor)
        {
            if (top.InputOffset < 0)
            {
                throw new ModelFormatException(ModelErrorCode.MissingField, 0, FieldInput);
            }

            WireReader reader = WireReader.ForFile(model).Nested(top.InputStart, top.InputLength);
            uint width = 0, height = 0, polarities = 0;
            int widthOffset = top.InputOffset, heightOffset = top.InputOffset, polaritiesOffset = top.InputOffset;
            while (!reader.IsAtEnd)
            {
                int tagOffset = reader.ReadTag(out int field, out int wireType);
                if (field >= 1 && field <= 3)
                {
                    reader.ExpectWireType(wireType, WireType.Varint, tagOffset);
                    uint value = reader.ReadUInt32();
                    if (field == 1)
                    {
                        width = value;
                        widthOffset = tagOffset;
                    }
                    else if (field == 2)
                    {
                        height = value;
                        heightOffset = tagOffset;
                    }
                    else
                    {
                        polarities = value;
                        polaritiesOffset = tagOffset;
                    }
                }
                else
                {
                    reader.SkipValue(wireType);
                }
            }

            // Event coordinates are 16-bit (Events/Event.cs) and the input size is bounded by MAX_LAYER_SIZE.
            CheckRange(width, 1, Semantics.MaxLayerSize, widthOffset, 1);
            CheckRange(height, 1, Semantics.MaxLayerSize, heightOffset, 2);
            CheckRange(polarities, 1, 2, polaritiesOffset, 3);
            ulong inputSize = (ulong)width * height * polarities;
            if (inputSize > Semantics.MaxLayerSize)
            {
                throw new ModelFormatException(ModelErrorCode.ValueOutOfRange, top.InputOffset, FieldInput);
            }

            descriptor.Width = (int)width;
            descriptor.Height = (int)height;
            descriptor.Polarities = (int)polarities;
        }

        private static void ReadTiming(TopLevel top, ModelDescriptor descriptor)
        {
            CheckRange(top.TickMicroseconds, 1, int.MaxValue, top.TickOffset, FieldTickMicroseconds);
            CheckRange(top.TicksPerSample, 1, Semantics.MaxTicks, top.TicksOffset, FieldTicksPerSample);
            descriptor.TickMicroseconds = (int)top.TickMicroseconds;
            descriptor.TicksPerSample = (int)top.TicksPerSample;
        }

        private static void ReadLayers(byte[] model, TopLevel top, ModelDescriptor descriptor)
        {
            if (top.LayerCount == 0)
            {
                throw new ModelFormatException(ModelErrorCode.MissingField, 0, FieldLayers);
            }

            var layers = new LayerDescriptor[top.LayerCount];
            int expectedInput = descriptor.Width * descriptor.Height * descriptor.Polarities;
            int previousFullScale = -1;
            int index = 0;
            WireReader reader = WireReader.ForFile(model);
            while (!reader.IsAtEnd)
            {
                int tagOffset = reader.ReadTag(out int field, out int wireType);
                if (field != FieldLayers)
                {
                    reader.SkipValue(wireType);
                    continue;
                }

                int length = reader.ReadLengthDelimited(out int start);
                LayerScan scan = ReadLayer(reader.Nested(start, length), model, tagOffset, expectedInput, top.FormatMinor);
                CheckDriveRange(scan, previousFullScale);
                LayerDescriptor layer = scan.Layer;
                layers[index] = layer;
                index++;
                expectedInput = layer.OutputSize;
                previousFullScale = layer.FullScale;
            }

            descriptor.Layers = layers;
        }

        private static void ReadReadout(byte[] model, TopLevel top, ModelDescriptor descriptor)
        {
            if (top.ReadoutOffset < 0)
            {
                throw new ModelFormatException(ModelErrorCode.MissingField, 0, FieldReadout);
            }

            WireReader reader = WireReader.ForFile(model).Nested(top.ReadoutStart, top.ReadoutLength);
            ulong mode = 0;
            int modeOffset = top.ReadoutOffset;
            while (!reader.IsAtEnd)
            {
                int tagOffset = reader.ReadTag(out int field, out int wireType);
                if (field == 1)
                {
                    reader.ExpectWireType(wireType, WireType.Varint, tagOffset);
                    mode = reader.ReadVarint();
                    modeOffset = tagOffset;
                }
                else
                {
                    reader.SkipValue(wireType);
                }
            }

            if (mode != (ulong)ReadoutMode.SpikeCount && mode != (ulong)ReadoutMode.MembraneSum)
            {
                throw new ModelFormatException(ModelErrorCode.ValueOutOfRange, modeOffset, 1);
            }

            // A leaky-integrator layer never spikes (semantics §4.2): a spike-count readout of it could only say 0.
            LayerDescriptor last = descriptor.Layers[descriptor.Layers.Length - 1];
            if (mode == (ulong)ReadoutMode.SpikeCount && last.Neuron == Neurons.NeuronModel.LeakyIntegrator)
            {
                throw new ModelFormatException(ModelErrorCode.ValueOutOfRange, modeOffset, 1);
            }

            descriptor.Readout = (ReadoutMode)(int)mode;
        }

        /// <summary>Refuses <paramref name="value"/> outside [min, max] with the given offset and field.</summary>
        private static void CheckRange(ulong value, long min, long max, int offset, int field)
        {
            if (value < (ulong)min || value > (ulong)max)
            {
                throw new ModelFormatException(ModelErrorCode.ValueOutOfRange, offset, field);
            }
        }

        private static void RejectDuplicate(int previousOffset, int tagOffset, int field)
        {
            if (previousOffset >= 0)
            {
                throw new ModelFormatException(ModelErrorCode.DuplicateField, tagOffset, field);
            }
        }

        /// <summary>What <see cref="ScanTopLevel"/> found; offsets are −1 when a field is absent.</summary>
        private sealed class TopLevel
        {
            public uint FormatMajor;
            public int FormatMajorOffset = -1;
            public ulong FormatMinor;
            public int FormatMinorOffset;
            public uint TickMicroseconds;
            public int TickOffset;
            public uint TicksPerSample;
            public int TicksOffset;
            public int InputOffset = -1;
            public int InputStart;
            public int InputLength;
            public int ReadoutOffset = -1;
            public int ReadoutStart;
            public int ReadoutLength;
            public int LayerCount;
            public int LabelCount;
            public int FirstLabelOffset;
            public int ChecksumOffset = -1;
            public uint Checksum;
        }
    }
}
