using Spiking.Edge.Host.Sources;
using Spiking.Edge.Runtime.Events;

namespace Spiking.Edge.Host.Tests.Support;

/// <summary>A recording held in memory, delivered in chunks of a fixed size (a stand-in for any non-live source).</summary>
internal sealed class ArraySource(Event[] events, int width, int height, int chunk) : IEventSource
{
    private int _position;

    public string Name => "array";

    public string Description => $"{events.Length} events in memory";

    public bool IsLive => false;

    public int Width => width;

    public int Height => height;

    public bool EndOfStream => _position >= events.Length;

    public int Read(Event[] buffer, int offset, int capacity)
    {
        int n = Math.Min(Math.Min(capacity, chunk), events.Length - _position);
        Array.Copy(events, _position, buffer, offset, n);
        _position += n;
        return n;
    }

    public void Dispose()
    {
    }
}
