using System.Globalization;
using Spiking.Edge.Host.Classification;
using Spiking.Edge.Host.Sources;

namespace Spiking.Edge.Host.Running;

/// <summary>
/// Writes a run as text: header lines (model, source, windows, energy model, input, labels), one line per window
/// starting with "window ", and one summary line starting with "summary". Numbers use the invariant culture.
/// </summary>
public sealed class HostReport : IClassificationObserver
{
    private readonly TextWriter _output;

    /// <summary>Writes to <paramref name="output"/>.</summary>
    /// <param name="output">Where lines go.</param>
    public HostReport(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
    }

    /// <summary>The header lines that do not depend on the source's data.</summary>
    /// <param name="modelPath">The model file.</param>
    /// <param name="classifier">The classifier (model shape, windowing).</param>
    /// <param name="kernels">Which DENSE row kernel runs.</param>
    /// <param name="energy">The energy model.</param>
    public void Header(string modelPath, ContinuousClassifier classifier, string kernels, EnergyModel energy)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(energy);
        _output.WriteLine(Invariant(
            $"model    {modelPath}: {classifier.InputWidth} x {classifier.InputHeight} x {classifier.InputPolarities} input, {classifier.OutputSize} classes, {Ms(classifier.SampleMicroseconds)} ms per sample; kernels {kernels}"));
        _output.WriteLine(Invariant(
            $"windows  {classifier.Windowing.Describe(classifier.SampleMicroseconds)}; {classifier.ConcurrentWindows} network{(classifier.ConcurrentWindows == 1 ? "" : "s")}"));
        _output.WriteLine("energy   " + energy.Describe());
    }

    /// <summary>The source line, and the labelling line when the true class is known.</summary>
    /// <param name="source">The open source.</param>
    /// <param name="trueLabel">The true label of a labelled recording, or null.</param>
    public void Source(IEventSource source, string? trueLabel)
    {
        ArgumentNullException.ThrowIfNull(source);
        _output.WriteLine($"source   {source.Name}: {source.Description}");
        if (trueLabel is not null)
        {
            _output.WriteLine($"labels   every window is class {trueLabel} (the recording's folder name, N-MNIST layout)");
        }
    }

    /// <inheritdoc/>
    public void InputResolved(InputAdaptation adaptation)
    {
        ArgumentNullException.ThrowIfNull(adaptation);
        _output.WriteLine("input    " + adaptation.Description);
    }

    /// <inheritdoc/>
    public void WindowClassified(WindowResult window)
    {
        ArgumentNullException.ThrowIfNull(window);
        string truth = window.TrueClass >= 0 ? (window.IsCorrect ? "  correct" : "  wrong") : "";
        _output.WriteLine(Invariant(
            $"window {window.Sequence}  [{Ms(window.StartMicroseconds)}, {Ms(window.EndMicroseconds)}) ms{(window.Truncated ? " truncated" : "")}  prediction {window.PredictedLabel}{truth}  latency {Ms(window.LatencyMicroseconds)} ms  events {window.Events}  SynOps {window.SynOps}  energy {Energy(window.EnergyPicojoules)}  running {Si(window.EventsPerSecond)}events/s {Si(window.SynOpsPerSecond)}SynOps/s"));
    }

    /// <summary>The summary line.</summary>
    /// <param name="summary">The run's summary.</param>
    /// <param name="limits">The limits, to name the one that stopped the run.</param>
    public void Summary(RunSummary summary, RunLimits limits)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(limits);
        string stop = summary.StopReason switch
        {
            StopReason.MaxWindows => Invariant($"--max-windows {limits.MaxWindows}"),
            StopReason.Duration => Invariant($"--duration-s {limits.Duration?.TotalSeconds}"),
            StopReason.Interrupted => "Ctrl+C",
            _ => "end of stream",
        };
        string accuracy = summary.Accuracy is { } a
            ? Invariant($"accuracy {100 * a:F2} % ({summary.CorrectWindows}/{summary.LabelledWindows})")
            : "accuracy unknown (no labels)";
        _output.WriteLine(Invariant(
            $"summary  {summary.Windows} windows ({summary.TruncatedWindows} truncated), stopped by {stop}; {accuracy}; mean latency {Ms(summary.MeanLatencyMicroseconds)} ms; {Si(summary.EventsPerSecond)}events/s; {Si(summary.SynOpsPerSecond)}SynOps/s; mean energy {Energy(summary.MeanEnergyPicojoules)} per inference (estimate)"));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Ms(double microseconds) => (microseconds / 1000.0).ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>A rate with an SI prefix and a trailing space: "1.23 M", "456 k", "12.3 ".</summary>
    private static string Si(double value)
    {
        string[] prefixes = ["", "k", "M", "G", "T"];
        int p = 0;
        while (Math.Abs(value) >= 1000 && p < prefixes.Length - 1)
        {
            value /= 1000;
            p++;
        }

        return value.ToString("0.##", CultureInfo.InvariantCulture) + " " + prefixes[p];
    }

    private static string Energy(double picojoules) => picojoules switch
    {
        < 1e3 => picojoules.ToString("0.##", CultureInfo.InvariantCulture) + " pJ",
        < 1e6 => (picojoules / 1e3).ToString("0.###", CultureInfo.InvariantCulture) + " nJ",
        _ => (picojoules / 1e6).ToString("0.###", CultureInfo.InvariantCulture) + " uJ",
    };
}
