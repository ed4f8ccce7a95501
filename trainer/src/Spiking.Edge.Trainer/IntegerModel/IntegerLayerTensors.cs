using Spiking.Edge.ModelFormat;
using Spiking.Edge.ModelFormat.Proto;
using TorchSharp;
using static TorchSharp.torch;

namespace Spiking.Edge.Trainer.IntegerModel;

/// <summary>
/// One layer of a model as float64 tensors (every value is an integer, held exactly): weights [in, out] input-major,
/// bias [out], threshold [out] (LIF), stored synapses per row [in] (semantics §6), and the scalar parameters.
/// Owns its tensors.
/// </summary>
internal sealed class IntegerLayerTensors : IDisposable
{
    private IntegerLayerTensors(Layer layer, Tensor weights, Tensor bias, Tensor? threshold, Tensor storedPerRow)
    {
        Neuron = layer.Neuron;
        InputSize = (int)layer.InputSize;
        OutputSize = (int)layer.OutputSize;
        LeakShift = (int)layer.LeakShift;
        Reset = layer.Reset;
        Comparison = layer.Comparison;
        Weights = weights;
        Bias = bias;
        Threshold = threshold;
        StoredPerRow = storedPerRow;
    }

    public NeuronModel Neuron { get; }

    public int InputSize { get; }

    public int OutputSize { get; }

    public int LeakShift { get; }

    public ResetMode Reset { get; }

    public ThresholdComparison Comparison { get; }

    /// <summary>W[i][o], shape [InputSize, OutputSize].</summary>
    public Tensor Weights { get; }

    /// <summary>bias[o], shape [OutputSize].</summary>
    public Tensor Bias { get; }

    /// <summary>threshold[o], shape [OutputSize]; null for a leaky integrator.</summary>
    public Tensor? Threshold { get; }

    /// <summary>Stored weights per row, shape [InputSize] (semantics §6).</summary>
    public Tensor StoredPerRow { get; }

    /// <summary>Decodes a validated layer with <see cref="WeightCodec.Decode"/>.</summary>
    public static IntegerLayerTensors FromLayer(Layer layer)
    {
        int inputs = (int)layer.InputSize, outputs = (int)layer.OutputSize;
        sbyte[] dense = WeightCodec.Decode(layer.Weights, inputs, outputs);
        var w = new double[dense.Length];
        for (int k = 0; k < dense.Length; k++)
        {
            w[k] = dense[k];
        }

        var bias = new double[outputs];
        for (int o = 0; o < layer.Bias.Count; o++)
        {
            bias[o] = layer.Bias[o];
        }

        int[] stored = StoredSynapses.PerRow(layer.Weights, inputs, outputs);
        var storedValues = new double[inputs];
        for (int i = 0; i < inputs; i++)
        {
            storedValues[i] = stored[i];
        }

        Tensor? threshold = null;
        if (layer.Neuron == NeuronModel.Lif)
        {
            var t = new double[outputs];
            for (int o = 0; o < outputs; o++)
            {
                t[o] = layer.Threshold[o];
            }

            threshold = torch.tensor(t, [outputs], ScalarType.Float64);
        }

        return new IntegerLayerTensors(
            layer,
            torch.tensor(w, [inputs, outputs], ScalarType.Float64),
            torch.tensor(bias, [outputs], ScalarType.Float64),
            threshold,
            torch.tensor(storedValues, [inputs], ScalarType.Float64));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Weights.Dispose();
        Bias.Dispose();
        Threshold?.Dispose();
        StoredPerRow.Dispose();
    }
}
