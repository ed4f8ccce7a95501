using ScottPlot;

namespace Spiking.Edge.Trainer.Training;

/// <summary>Draws the learning curves (loss on the left axis, accuracy in % on the right axis, against epoch) to a PNG.</summary>
public static class LearningCurvePlot
{
    /// <summary>Saves an 900 × 500 PNG of the curves (validation curves only when present); temp file then rename.</summary>
    /// <param name="metrics">Epoch metrics in order (at least one).</param>
    /// <param name="pngPath">Destination ending in .png.</param>
    public static void Save(IReadOnlyList<EpochMetrics> metrics, string pngPath)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentException.ThrowIfNullOrEmpty(pngPath);
        if (!string.Equals(Path.GetExtension(pngPath), ".png", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"Plot file '{pngPath}' must end in .png.", nameof(pngPath));
        }

        if (metrics.Count == 0)
        {
            throw new ArgumentException("No epochs to plot.", nameof(metrics));
        }

        using var plot = new Plot();
        var epochs = metrics.Select(m => (double)m.Epoch).ToArray();
        AddCurve(plot, epochs, metrics.Select(m => m.TrainLoss).ToArray(), "train loss", Colors.Blue, LinePattern.Solid, right: false);
        AddCurve(plot, epochs, metrics.Select(m => 100 * m.TrainAccuracy).ToArray(), "train accuracy %", Colors.Orange, LinePattern.Solid, right: true);
        if (metrics.All(m => m.ValidationLoss is not null && m.ValidationAccuracy is not null))
        {
            AddCurve(plot, epochs, metrics.Select(m => m.ValidationLoss!.Value).ToArray(), "validation loss", Colors.Blue, LinePattern.Dashed, right: false);
            AddCurve(plot, epochs, metrics.Select(m => 100 * m.ValidationAccuracy!.Value).ToArray(), "validation accuracy %", Colors.Orange, LinePattern.Dashed, right: true);
        }

        plot.Title("Learning curves");
        plot.XLabel("epoch");
        plot.Axes.Left.Label.Text = "cross-entropy loss";
        plot.Axes.Right.Label.Text = "accuracy (%)";
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.ShowLegend(Alignment.MiddleRight);
        var png = plot.GetImageBytes(900, 500, ImageFormat.Png);
        AtomicFile.WriteAllBytes(pngPath, png);
    }

    private static void AddCurve(Plot plot, double[] xs, double[] ys, string label, Color color, LinePattern pattern, bool right)
    {
        var scatter = plot.Add.Scatter(xs, ys, color);
        scatter.LegendText = label;
        scatter.LinePattern = pattern;
        scatter.LineWidth = 2;
        if (right)
        {
            scatter.Axes.YAxis = plot.Axes.Right;
        }
    }
}
