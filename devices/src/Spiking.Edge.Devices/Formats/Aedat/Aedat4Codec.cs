using System.Buffers;
using K4os.Compression.LZ4;
using K4os.Compression.LZ4.Streams;
using ZstdSharp;

namespace Spiking.Edge.Devices.Formats.Aedat;

/// <summary>
/// Compresses and decompresses AEDAT 4.0 packet bodies into a reused buffer: LZ4 frame format (K4os) or
/// Zstandard (ZstdSharp; every frame of the body in turn, content size known or not). The Zstandard contexts are
/// kept between packets; dispose to free them.
/// </summary>
internal sealed class Aedat4Codec : IDisposable
{
    /// <summary>Zstandard level of <see cref="Aedat4Compression.Zstd"/>.</summary>
    public const int ZstdLevel = 3;

    /// <summary>Zstandard level of <see cref="Aedat4Compression.ZstdHigh"/>.</summary>
    public const int ZstdHighLevel = 19;

    private readonly GrowableBuffer _output;
    private Decompressor? _decompressor;
    private Compressor? _compressor;

    /// <summary>Creates a codec whose output refuses to grow beyond <paramref name="limit"/> bytes.</summary>
    public Aedat4Codec(int limit) => _output = new GrowableBuffer(limit);

    /// <summary>The result of the last call, in [0, <see cref="Length"/>) of <see cref="Buffer"/>.</summary>
    public byte[] Buffer => _output.Array;

    /// <summary>Bytes of the last result.</summary>
    public int Length => _output.Count;

    /// <summary>Decompresses one packet body into <see cref="Buffer"/>.</summary>
    /// <exception cref="InvalidDataException">The body is corrupt, truncated or decompresses beyond the limit.</exception>
    public void Decompress(Aedat4Compression compression, ReadOnlySpan<byte> body)
    {
        _output.Clear();
        try
        {
            switch (compression)
            {
                case Aedat4Compression.Lz4:
                case Aedat4Compression.Lz4High:
                    LZ4Frame.Decode(body, _output, 0);
                    break;
                case Aedat4Compression.Zstd:
                case Aedat4Compression.ZstdHigh:
                    DecompressZstd(body);
                    break;
                default:
                    body.CopyTo(_output.GetSpan(body.Length));
                    _output.Advance(body.Length);
                    break;
            }
        }
        catch (PacketTooLargeException e)
        {
            throw new InvalidDataException(e.Message);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The codecs report corruption with several exception types (InvalidData, EndOfStream, InvalidOperation, ZstdException…).
            throw new InvalidDataException($"the {Name(compression)} body is corrupt or truncated ({e.GetType().Name}: {AedatText.Preview(System.Text.Encoding.UTF8.GetBytes(e.Message))})");
        }
    }

    /// <summary>Compresses one packet body into <see cref="Buffer"/>.</summary>
    public void Compress(Aedat4Compression compression, ReadOnlySpan<byte> body)
    {
        _output.Clear();
        switch (compression)
        {
            case Aedat4Compression.Lz4:
            case Aedat4Compression.Lz4High:
                LZ4Frame.Encode(body, _output, compression == Aedat4Compression.Lz4 ? LZ4Level.L00_FAST : LZ4Level.L09_HC, 0);
                break;
            case Aedat4Compression.Zstd:
            case Aedat4Compression.ZstdHigh:
                _compressor ??= new Compressor();
                _compressor.Level = compression == Aedat4Compression.Zstd ? ZstdLevel : ZstdHighLevel;
                var target = _output.GetSpan(Compressor.GetCompressBound(body.Length));
                _output.Advance(_compressor.Wrap(body, target));
                break;
            default:
                body.CopyTo(_output.GetSpan(body.Length));
                _output.Advance(body.Length);
                break;
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _decompressor?.Dispose();
        _compressor?.Dispose();
        _decompressor = null;
        _compressor = null;
    }

    private static string Name(Aedat4Compression compression) => compression switch
    {
        Aedat4Compression.Lz4 or Aedat4Compression.Lz4High => "LZ4",
        Aedat4Compression.Zstd or Aedat4Compression.ZstdHigh => "Zstandard",
        _ => "stored",
    };

    private void DecompressZstd(ReadOnlySpan<byte> body)
    {
        _decompressor ??= new Decompressor();
        _decompressor.ResetStream();
        int read = 0;
        int hint = Math.Max(4096, 4 * body.Length);
        while (true)
        {
            var target = _output.GetSpan(hint);
            var status = _decompressor.UnwrapStream(body[read..], target, out int consumed, out int written);
            read += consumed;
            _output.Advance(written);
            switch (status)
            {
                case OperationStatus.Done when read == body.Length:
                    return;
                case OperationStatus.Done:
                    // Another frame follows.
                    _decompressor.ResetStream();
                    break;
                case OperationStatus.DestinationTooSmall:
                    hint = 2 * target.Length;
                    break;
                case OperationStatus.NeedMoreData when read == body.Length:
                    throw new InvalidDataException("its frame does not end");
                default:
                    if (consumed == 0 && written == 0)
                    {
                        throw new InvalidDataException($"decompression stalled ({status})");
                    }

                    break;
            }
        }
    }
}
