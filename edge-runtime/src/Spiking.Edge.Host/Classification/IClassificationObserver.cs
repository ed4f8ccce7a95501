namespace Spiking.Edge.Host.Classification;

/// <summary>Receives what a <see cref="ContinuousClassifier"/> run decides and finds, as it happens.</summary>
public interface IClassificationObserver
{
    /// <summary>Called once, when the source geometry is known (before the first window), with the input adaptation chosen.</summary>
    /// <param name="adaptation">The transform (if any) and why.</param>
    void InputResolved(InputAdaptation adaptation);

    /// <summary>Called for every classified window, in order.</summary>
    /// <param name="window">The result.</param>
    void WindowClassified(WindowResult window);
}
