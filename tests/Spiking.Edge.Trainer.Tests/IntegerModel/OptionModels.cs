using Spiking.Edge.ModelFormat;
using Spiking.Edge.ModelFormat.Proto;

namespace Spiking.Edge.Trainer.Tests.IntegerModel;

/// <summary>Hand-made integer models with format-1.1 fields for the simulation's hand-computed cases.</summary>
internal static class OptionModels
{
    /// <summary>A model of one pixel (1 × 1 × 1) and T ticks, with the given layers, as the writer would write it.</summary>
    public static Model Build(int ticks, ReadoutMode readout, params Layer[] layers)
    {
        var model = new Model
        {
            FormatMajor = 1,
            Input = new InputGeometry { Width = (uint)layers[0].InputSize, Height = 1, Polarities = 1 },
            TickMicroseconds = 1000,
            TicksPerSample = (uint)ticks,
            Readout = new Readout { Mode = readout },
        };
        model.Layers.AddRange(layers);
        return ModelReader.FromBytes(ModelWriter.ToBytes(model), "option model");
    }

    /// <summary>A LIF layer with DENSE weights (input-major), per-neuron thresholds and biases, ZERO reset, ≥.</summary>
    public static Layer Lif(int inputs, sbyte[] weights, int[] thresholds, int[] bias, ResetMode reset = ResetMode.Zero)
    {
        Layer layer = Leaky(inputs, weights, bias, thresholds.Length);
        layer.Neuron = NeuronModel.Lif;
        layer.Reset = reset;
        layer.Comparison = ThresholdComparison.GreaterOrEqual;
        layer.Threshold.AddRange(thresholds);
        return layer;
    }

    /// <summary>A leaky integrator with DENSE weights (input-major) and biases, no leak.</summary>
    public static Layer Leaky(int inputs, sbyte[] weights, int[] bias, int outputs)
    {
        var layer = new Layer
        {
            Name = "layer",
            InputSize = (uint)inputs,
            OutputSize = (uint)outputs,
            Neuron = NeuronModel.LeakyIntegrator,
            Weights = WeightCodec.Encode(weights, inputs, outputs, 8),
        };
        layer.Bias.AddRange(bias);
        layer.WeightScale.AddRange(Enumerable.Repeat(1f, outputs));
        return layer;
    }

    /// <summary>A lookup table message.</summary>
    public static LookupTable Table(int shift, int offset, params int[] values)
    {
        var table = new LookupTable { InputShift = (uint)shift, InputOffset = offset };
        table.Values.AddRange(values);
        return table;
    }
}
