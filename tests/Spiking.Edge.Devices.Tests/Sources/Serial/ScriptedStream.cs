namespace Spiking.Edge.Devices.Tests.Sources.Serial;

/// <summary>
/// A read-only stream over recorded bytes, at most <c>maxRead</c> per read, that can time out on a chosen read and
/// fail with an <see cref="IOException"/> once a chosen number of bytes has been handed out.
/// </summary>
internal sealed class ScriptedStream(byte[] data, int maxRead = int.MaxValue) : Stream
{
    private int _position;
    private int _reads;

    /// <summary>Bytes handed out before reads fail, or -1.</summary>
    public int FailAfterBytes { get; set; } = -1;

    /// <summary>Zero-based index of a read that throws <see cref="TimeoutException"/>, or -1.</summary>
    public int TimeoutRead { get; set; } = -1;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_reads++ == TimeoutRead)
        {
            throw new TimeoutException("The operation has timed out.");
        }

        if (FailAfterBytes >= 0 && _position >= FailAfterBytes)
        {
            throw new IOException("Input/output error");
        }

        int limit = FailAfterBytes >= 0 ? FailAfterBytes : data.Length;
        int n = Math.Min(Math.Min(count, maxRead), Math.Max(0, Math.Min(limit, data.Length) - _position));
        Array.Copy(data, _position, buffer, offset, n);
        _position += n;
        return n;
    }

    public override void Flush() => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
