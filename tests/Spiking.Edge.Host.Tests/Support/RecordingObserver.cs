using Spiking.Edge.Host.Classification;

namespace Spiking.Edge.Host.Tests.Support;

/// <summary>Keeps what a run reports.</summary>
internal sealed class RecordingObserver : IClassificationObserver
{
    public List<WindowResult> Windows { get; } = new();

    public List<InputAdaptation> Adaptations { get; } = new();

    public void InputResolved(InputAdaptation adaptation) => Adaptations.Add(adaptation);

    public void WindowClassified(WindowResult window) => Windows.Add(window);
}
