using Spiking.Edge.Runtime.Events;

namespace Spiking.Edge.Cli.Verbs;

/// <summary>
/// Turns events into frames for `spiking events render`: frame k holds the events in [origin + k·frame,
/// origin + (k + 1)·frame); a pixel shows the polarity of its last event in the frame (ON sky blue, OFF orange, the
/// Okabe–Ito colour-blind-safe pair) on a dark neutral grey, each sensor pixel drawn as a scale × scale square.
/// </summary>
internal sealed class EventFrameRenderer
{
    /// <summary>Colour of a pixel without events in the frame (RGB).</summary>
    public static readonly byte[] Background = [32, 32, 32];

    /// <summary>Colour of a pixel whose last event was ON.</summary>
    public static readonly byte[] OnColour = [86, 180, 233];

    /// <summary>Colour of a pixel whose last event was OFF.</summary>
    public static readonly byte[] OffColour = [230, 159, 0];

    // Pixel states: 0 = no event in the frame.
    private const byte On = 1;
    private const byte Off = 2;

    private readonly int _width;
    private readonly int _height;
    private readonly int _scale;
    private readonly byte[] _state;

    public EventFrameRenderer(int width, int height, int scale)
    {
        _width = width;
        _height = height;
        _scale = scale;
        _state = new byte[width * height];
    }

    /// <summary>Image width in pixels.</summary>
    public int ImageWidth => _width * _scale;

    /// <summary>Image height in pixels.</summary>
    public int ImageHeight => _height * _scale;

    /// <summary>The RGB image of <paramref name="events"/>[order[i]] for i in [start, end), in that order.</summary>
    public byte[] Render(Event[] events, int[] order, int start, int end)
    {
        Array.Clear(_state);
        for (int i = start; i < end; i++)
        {
            ref readonly Event e = ref events[order[i]];
            _state[(e.Y * _width) + e.X] = e.Polarity == 1 ? On : Off;
        }

        var rgb = new byte[ImageWidth * ImageHeight * 3];
        int stride = ImageWidth * 3;
        for (int y = 0; y < _height; y++)
        {
            int row = y * _scale * stride;
            for (int x = 0; x < _width; x++)
            {
                byte[] colour = _state[(y * _width) + x] switch
                {
                    On => OnColour,
                    Off => OffColour,
                    _ => Background,
                };
                for (int dx = 0; dx < _scale; dx++)
                {
                    colour.CopyTo(rgb, row + ((x * _scale) + dx) * 3);
                }
            }

            for (int dy = 1; dy < _scale; dy++)
            {
                Array.Copy(rgb, row, rgb, row + (dy * stride), stride);
            }
        }

        return rgb;
    }
}
