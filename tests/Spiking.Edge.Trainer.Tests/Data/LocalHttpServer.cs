using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Spiking.Edge.Trainer.Tests.Data;

/// <summary>
/// An <see cref="HttpListener"/> on 127.0.0.1 at a random free port serving one byte array, honouring
/// "Range: bytes=N-" unless told not to, and able to break the first transfer half-way.
/// </summary>
internal sealed class LocalHttpServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly byte[] _content;
    private readonly Task _loop;

    public LocalHttpServer(byte[] content)
    {
        _content = content;
        int port;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Url = $"http://127.0.0.1:{port}/file.bin";
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public string Url { get; }

    /// <summary>The Range header of each request ("" when absent).</summary>
    public ConcurrentQueue<string> RangeHeaders { get; } = new();

    public bool HonourRange { get; init; } = true;

    /// <summary>When set, the first response stops after half the content, once the client has written that half to this file.</summary>
    public string? BreakFirstTransferWhenFileHasHalf { get; init; }

    public void Dispose()
    {
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The listener was closed under the loop.
        }
    }

    private async Task ServeAsync()
    {
        int requests = 0;
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            requests++;
            string range = context.Request.Headers["Range"] ?? string.Empty;
            RangeHeaders.Enqueue(range);
            var response = context.Response;
            long start = 0;
            if (HonourRange && range.StartsWith("bytes=", StringComparison.Ordinal) && range.EndsWith('-'))
            {
                start = long.Parse(range[6..^1], System.Globalization.CultureInfo.InvariantCulture);
                if (start >= _content.Length)
                {
                    response.StatusCode = 416;
                    response.Close();
                    continue;
                }

                response.StatusCode = 206;
                response.Headers["Content-Range"] = $"bytes {start}-{_content.Length - 1}/{_content.Length}";
            }

            response.ContentLength64 = _content.Length - start;
            try
            {
                if (requests == 1 && BreakFirstTransferWhenFileHasHalf is string watched)
                {
                    int half = _content.Length / 2;
                    await response.OutputStream.WriteAsync(_content.AsMemory(0, half));
                    await response.OutputStream.FlushAsync();
                    for (int wait = 0; wait < 500 && (!File.Exists(watched) || new FileInfo(watched).Length < half); wait++)
                    {
                        await Task.Delay(20);
                    }

                    response.Abort();
                    continue;
                }

                await response.OutputStream.WriteAsync(_content.AsMemory((int)start));
                response.Close();
            }
            catch (HttpListenerException)
            {
                // The client went away.
            }
        }
    }
}
