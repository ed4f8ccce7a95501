using Spiking.Edge.ModelFormat;
using Spiking.Edge.ModelFormat.Proto;
using Spiking.Edge.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace Spiking.Edge.Trainer.IntegerModel;

/// <summary>
/// One layer of a model as float64 tensors (every value is an integer, held exactly): weights [in, out] input-major,
/// bias [out], threshold [out] (LIF), stored synapses per row [in] (semantics §6), the format-1.1 options (per-neuron
/// vectors, refractory gains, lookup tables, recurrent weights [out, out] with their stored synapses per row, SRC
/// constants) and the scalar parameters. Owns its tensors.
/// </summary>
internal sealed class IntegerLayerTensors : IDisposable
{
    private readonly List<IDisposable> _owned = [];

    private IntegerLayerTensors(Layer layer)
    {
        Neuron = layer.Neuron;
        InputSize = (int)layer.InputSize;
        OutputSize = (int)layer.OutputSize;
        LeakShift = (int)layer.LeakShift;
        Reset = layer.Reset;
        Comparison = layer.Comparison;
        Decay = (int)layer.Decay;
        CurrentShift = (int)layer.CurrentShift;
        RefractoryTicks = (int)layer.RefractoryTicks;
        GainLength = layer.RefractoryGain.Count;
        CounterLimit = RefractoryTicks > 0 || GainLength > 0 ? Math.Max(RefractoryTicks, GainLength) + 1 : 0;
        LeakyRelu = layer.Activation == StateActivation.LeakyRelu;
        NegativeSlope = layer.NegativeSlope;
        LayerScope = layer.ResetScope == ResetScope.Layer;
        FullScale = layer.Neuron == NeuronModel.LeakyIntegrator ? 0 : layer.Output == OutputKind.Graded || layer.Neuron == NeuronModel.Src ? Semantics.GradedFullScale : 1;
    }

    public NeuronModel Neuron { get; }

    public int InputSize { get; }

    public int OutputSize { get; }

    public int LeakShift { get; }

    public ResetMode Reset { get; }

    public ThresholdComparison Comparison { get; }

    /// <summary>Multiplicative leak in Q16; 0 = shift leak.</summary>
    public int Decay { get; }

    public int CurrentShift { get; }

    public int RefractoryTicks { get; }

    /// <summary>G, the number of soft refractory gains (0 = none).</summary>
    public int GainLength { get; }

    /// <summary>N of semantics §4.1 step 1 (the counter's start and ceiling); 0 when the layer keeps no counter.</summary>
    public int CounterLimit { get; }

    public bool LeakyRelu { get; }

    public double NegativeSlope { get; }

    public bool LayerScope { get; }

    /// <summary>Y1: 1 for BINARY outputs, 128 for GRADED LIF and SRC, 0 for a leaky integrator.</summary>
    public int FullScale { get; }

    /// <summary>W[i][o], shape [InputSize, OutputSize].</summary>
    public Tensor Weights { get; private set; } = null!;

    /// <summary>bias[o], shape [OutputSize] (SRC: Q(F) units of the fast pre-activation).</summary>
    public Tensor Bias { get; private set; } = null!;

    /// <summary>threshold[o], shape [OutputSize]; null unless LIF.</summary>
    public Tensor? Threshold { get; private set; }

    /// <summary>Stored weights per row, shape [InputSize] (semantics §6).</summary>
    public Tensor StoredPerRow { get; private set; } = null!;

    /// <summary>Soft refractory gains in Q15, shape [G]; null when none.</summary>
    public Tensor? RefractoryGain { get; private set; }

    /// <summary>inhibition[o]; null when none.</summary>
    public Tensor? Inhibition { get; private set; }

    /// <summary>membrane_floor[o]; null when none.</summary>
    public Tensor? MembraneFloor { get; private set; }

    /// <summary>The GRADED output table; null for BINARY layers.</summary>
    public LookupTableTensor? OutputTable { get; private set; }

    /// <summary>R[p][o], shape [OutputSize, OutputSize]; null when the layer has no recurrent weights.</summary>
    public Tensor? Recurrent { get; private set; }

    /// <summary>Stored recurrent weights per row p, shape [OutputSize]; null when none.</summary>
    public Tensor? RecurrentStoredPerRow { get; private set; }

    /// <summary>The SRC constants; null unless SRC.</summary>
    public SrcTensors? Src { get; private set; }

    /// <summary>Decodes a validated layer with <see cref="WeightCodec.Decode"/>.</summary>
    public static IntegerLayerTensors FromLayer(Layer layer)
    {
        var result = new IntegerLayerTensors(layer);
        try
        {
            result.Load(layer);
            return result;
        }
        catch
        {
            result.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (IDisposable owned in _owned)
        {
            owned.Dispose();
        }

        _owned.Clear();
    }

    private void Load(Layer layer)
    {
        int inputs = InputSize, outputs = OutputSize;
        Weights = Own(Matrix(WeightCodec.Decode(layer.Weights, inputs, outputs), inputs, outputs));
        StoredPerRow = Own(Vector(StoredSynapses.PerRow(layer.Weights, inputs, outputs)));
        var bias = new int[outputs];
        layer.Bias.CopyTo(bias, 0);
        Bias = Own(Vector(bias));
        if (layer.Neuron == NeuronModel.Lif)
        {
            Threshold = Own(Vector([.. layer.Threshold]));
        }

        if (GainLength > 0)
        {
            var gain = new int[GainLength];
            for (int k = 0; k < gain.Length; k++)
            {
                gain[k] = (int)layer.RefractoryGain[k];
            }

            RefractoryGain = Own(Vector(gain));
        }

        if (layer.Inhibition.Count > 0)
        {
            Inhibition = Own(Vector([.. layer.Inhibition]));
        }

        if (layer.MembraneFloor.Count > 0)
        {
            MembraneFloor = Own(Vector([.. layer.MembraneFloor]));
        }

        if (layer.OutputTable is { } table)
        {
            OutputTable = Own(new LookupTableTensor(table));
        }

        if (layer.RecurrentWeights is { } recurrent)
        {
            Recurrent = Own(Matrix(WeightCodec.Decode(recurrent, outputs, outputs), outputs, outputs));
            RecurrentStoredPerRow = Own(Vector(StoredSynapses.PerRow(recurrent, outputs, outputs)));
        }

        if (layer.Src is { } src)
        {
            Src = Own(new SrcTensors(src));
        }
    }

    private T Own<T>(T disposable)
        where T : IDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }

    private static Tensor Matrix(sbyte[] dense, int rows, int columns)
    {
        var values = new double[dense.Length];
        for (int k = 0; k < dense.Length; k++)
        {
            values[k] = dense[k];
        }

        return torch.tensor(values, [rows, columns], ScalarType.Float64);
    }

    private static Tensor Vector(int[] values)
    {
        var data = new double[values.Length];
        for (int k = 0; k < values.Length; k++)
        {
            data[k] = values[k];
        }

        return torch.tensor(data, [data.Length], ScalarType.Float64);
    }
}
