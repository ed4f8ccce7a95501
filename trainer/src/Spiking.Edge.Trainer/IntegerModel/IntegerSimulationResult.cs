namespace Spiking.Edge.Trainer.IntegerModel;

/// <summary>
/// What <see cref="IntegerSimulation"/> computed for a batch of B samples (semantics.md §5 and §6).
/// </summary>
/// <param name="SpikeCounts">Per layer, [sample, neuron]: spikes over the sample's T ticks (0 for a leaky integrator).</param>
/// <param name="MembraneSums">[sample, neuron] of the last layer: the sum over ticks of the recorded membrane u.</param>
/// <param name="Predictions">Per sample, the predicted class (argmax of the readout; ties to the lowest index).</param>
/// <param name="SynOps">Per sample, stored synapses touched (semantics §6).</param>
/// <param name="NeuronUpdatesPerSample">T × Σ output_size (semantics §6, counted separately from SynOps).</param>
public sealed record IntegerSimulationResult(
    IReadOnlyList<long[,]> SpikeCounts,
    long[,] MembraneSums,
    int[] Predictions,
    long[] SynOps,
    long NeuronUpdatesPerSample)
{
    /// <summary>Number of samples in the batch.</summary>
    public int BatchSize => Predictions.Length;
}
