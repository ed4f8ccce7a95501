using Spiking.Edge.Runtime.Events;

namespace Spiking.Edge.Trainer.Encoders;

/// <summary>
/// Turns a static greyscale image into an event stream that the binner, the integer simulation and the edge runtime
/// all read the same way. Encoders are deterministic: the same image, sample index and draw always give the same
/// events, so a test set is encoded once and for all, and a training set can be re-drawn every epoch.
/// </summary>
public interface IImageEncoder
{
    /// <summary>Width of the event geometry in pixels.</summary>
    int Width { get; }

    /// <summary>Height of the event geometry in pixels.</summary>
    int Height { get; }

    /// <summary>1 (one polarity) or 2.</summary>
    int Polarities { get; }

    /// <summary>True when another draw gives other events (stochastic encoders); false when every draw is the same.</summary>
    bool DependsOnDraw { get; }

    /// <summary>Short description for logs and model provenance, e.g. <c>rate(T=25, gain=1)</c>.</summary>
    string Describe();

    /// <summary>Events of image <paramref name="pixels"/> (row-major, <paramref name="cols"/> × <paramref name="rows"/>), in time order.</summary>
    /// <param name="pixels">Grey values 0..255.</param>
    /// <param name="cols">Image width.</param>
    /// <param name="rows">Image height.</param>
    /// <param name="sampleIndex">Index of the sample in its data set (seeds stochastic encoders).</param>
    /// <param name="draw">0 for the fixed encoding; training passes the epoch so that stochastic encoders re-draw.</param>
    Event[] Encode(byte[] pixels, int cols, int rows, int sampleIndex, int draw);
}
