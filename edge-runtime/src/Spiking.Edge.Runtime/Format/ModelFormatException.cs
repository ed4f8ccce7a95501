namespace Spiking.Edge.Runtime.Format
{
    /// <summary>
    /// The one exception a model file can cause at load: what went wrong (<see cref="Code"/>), where (byte
    /// <see cref="Offset"/> in the file) and, where known, in which protobuf field (<see cref="FieldNumber"/>).
    /// </summary>
    public sealed class ModelFormatException : System.Exception
    {
        /// <summary>Creates the exception; the message is "&lt;Code&gt; at byte &lt;offset&gt; (field &lt;n&gt;)".</summary>
        public ModelFormatException(ModelErrorCode code, long offset, int fieldNumber)
            : base(FormatMessage(code, offset, fieldNumber))
        {
            Code = code;
            Offset = offset;
            FieldNumber = fieldNumber;
        }

        /// <summary>What went wrong.</summary>
        public ModelErrorCode Code { get; }

        /// <summary>Byte offset in the model file of the tag, value or index byte at fault.</summary>
        public long Offset { get; }

        /// <summary>Protobuf field number of the field at fault within its message, 0 when no field applies.</summary>
        public int FieldNumber { get; }

        private static string FormatMessage(ModelErrorCode code, long offset, int fieldNumber)
        {
            return code.ToString() + " at byte " + offset.ToString() + " (field " + fieldNumber.ToString() + ")";
        }
    }
}
