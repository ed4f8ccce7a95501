using Spiking.Edge.Trainer.Algorithms.Lee2016;
using Spiking.Edge.Trainer.Algorithms.StRsbp;
using Spiking.Edge.Trainer.Cells;
using Spiking.Edge.Trainer.Models;
using Spiking.Edge.Trainer.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Spiking.Edge.Trainer.Algorithms;

/// <summary>Creates the <see cref="IGradientMethod"/> of a run and refuses algorithm/model pairings a paper does not support.</summary>
public static class GradientMethods
{
    /// <summary>The pairings <see cref="Check"/> accepts, for error messages.</summary>
    public const string ValidPairings = "bptt with every cell and the LSTM/GRU baselines; lee2016 with lee-lif layers and a spike-count readout; st-rsbp with cuba-lif layers and a spike-count readout";

    /// <summary>The gradient method of <paramref name="options"/>'s algorithm for <paramref name="model"/>.</summary>
    /// <param name="model">The model to train.</param>
    /// <param name="options">Run options (algorithm and its settings).</param>
    /// <exception cref="ArgumentException">The algorithm cannot train this model (message lists the valid pairings).</exception>
    public static IGradientMethod Create(nn.Module<Tensor, Tensor> model, TrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        Check(options.Algorithm, model);
        return options.Algorithm switch
        {
            TrainingAlgorithm.Lee2016 => new Lee2016Gradients((SpikingNetwork)model, options.Lee2016),
            TrainingAlgorithm.StRsbp => new StRsbpGradients((SpikingNetwork)model, options.StRsbp),
            _ => new BpttGradients(model),
        };
    }

    /// <summary>Throws when <paramref name="algorithm"/> cannot train <paramref name="model"/>.</summary>
    /// <param name="algorithm">The algorithm.</param>
    /// <param name="model">The model.</param>
    /// <exception cref="ArgumentException">One line naming the algorithm, what the model has and the valid pairings.</exception>
    public static void Check(TrainingAlgorithm algorithm, nn.Module<Tensor, Tensor> model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (algorithm == TrainingAlgorithm.Bptt)
        {
            return;
        }

        var name = TrainingAlgorithms.NameOf(algorithm);
        if (model is not SpikingNetwork network)
        {
            throw new ArgumentException($"{name} cannot train a float baseline; valid pairings: {ValidPairings}");
        }

        var cell = algorithm == TrainingAlgorithm.Lee2016 ? CellKind.LeeLif : CellKind.CubaLif;
        var wrong = network.Config.Layers.FirstOrDefault(layer => layer.Cell != cell);
        if (wrong is not null)
        {
            throw new ArgumentException($"{name} cannot train a network with {ModelCellName(wrong.Cell)} layers; valid pairings: {ValidPairings}");
        }

        if (network.Config.Readout != NetworkReadout.SpikeCount)
        {
            throw new ArgumentException($"{name} needs a spike-count readout (the output layer's counts), not a membrane-sum readout; valid pairings: {ValidPairings}");
        }

        if (algorithm == TrainingAlgorithm.Lee2016 && network.Layers.Any(layer => layer.Recurrence is Recurrence.Dense or Recurrence.Reservoir))
        {
            throw new ArgumentException($"lee2016 trains feed-forward networks (winner-take-all only), not recurrent weights; valid pairings: {ValidPairings}");
        }

        if (algorithm == TrainingAlgorithm.StRsbp && network.Layers.Any(layer => layer.Recurrence == Recurrence.Dense))
        {
            throw new ArgumentException($"st-rsbp trains reservoir recurrence (sparse), not dense recurrent weights; valid pairings: {ValidPairings}");
        }
    }

    private static string ModelCellName(CellKind cell) => cell switch
    {
        CellKind.LeeLif => "lee-lif",
        CellKind.CubaLif => "cuba-lif",
        CellKind.Ssnu => "ssnu",
        _ => cell.ToString().ToLowerInvariant(),
    };
}
