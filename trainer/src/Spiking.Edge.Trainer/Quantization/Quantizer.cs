using Spiking.Edge.ModelFormat.Proto;
using Spiking.Edge.Runtime;
using Spiking.Edge.Trainer.Export;

namespace Spiking.Edge.Trainer.Quantization;

/// <summary>
/// Post-training quantization of a float network to the integer units of semantics.md §3 and §4.
/// </summary>
/// <remarks>
/// <para>Per layer and output neuron o, with <c>qmax = 2^(bits−1) − 1</c>: the state unit u_o (<see cref="StateUnits"/>;
/// <c>max_i |w[o][i]| / qmax</c> for a layer fed by spikes or event counts, stored as float32, and every division
/// below uses that stored value), weight scale <c>s_o = u_o × f_in</c> (f_in = 128 when the previous layer's outputs
/// are graded, else 1), weight <c>W[i][o] = clamp(round(w[o][i] / s_o), −qmax, qmax)</c>, recurrent weight
/// <c>R[p][o] = clamp(round(r[o][p] / (u_o × f_rec)), −qmax, qmax)</c> (f_rec = 128 for the layer's own graded
/// outputs, else 1), threshold <c>max(1, round(θ_o / u_o))</c> (BINARY; GRADED: <c>round(θ_o / u_o)</c>), bias
/// <c>round(b_o / u_o)</c>, membrane floor <c>round(floor_o / u_o)</c> and inhibition <c>round(inh_o / (u_o × Y1))</c>
/// (per unit of the other neurons' outputs, which count Y1 = 1 per spike and 128 per graded 1.0), all clamped to
/// [STATE_MIN, STATE_MAX]; round is to nearest with halves away from zero. A format-1.0 layer quantizes exactly as
/// before format 1.1.</para>
/// <para>Shared state unit: the LAST layer of a <see cref="ReadoutMode.MembraneSum"/> network uses one unit for all its
/// neurons (the layer's largest) so that membranes compare across classes (semantics §5); so does every layer with a
/// lookup table (GRADED LIF and SRC), because the table is per layer.</para>
/// <para>Options: <c>DecayQ16</c>, <c>CurrentShift</c> and <c>RefractoryTicks</c> as they are; refractory gains
/// <c>round(g × 2^15)</c> and the leaky-ReLU slope <c>round(slope × 2^16)</c>; a GRADED layer's output table is
/// <see cref="LookupTableBuilder.Sigmoid"/> in its state unit. SRC (semantics §4.3) with F fraction bits: α and the two
/// slow gates <c>round(x × 2^16)</c>; r, r_s, θ_z, the rest values and the bias b <c>round(x × 2^F)</c> (rest values
/// clamped to [−2^F, 2^F], the others to the state range); the input table
/// <see cref="LookupTableBuilder.SrcInput"/> in the layer's state unit and the fast table
/// <see cref="LookupTableBuilder.SrcFast"/>.</para>
/// <para>Guard for a neuron whose weights are all 0 (its unit would be 0): it takes the layer's largest unit;
/// when the whole layer is 0, the unit is <c>max(|θ|, max_o |b_o|) / qmax</c>, and 1 when that is 0 too.</para>
/// </remarks>
public static class Quantizer
{
    /// <summary>Smallest supported weight width.</summary>
    public const int MinBits = 2;

    /// <summary>Largest supported weight width.</summary>
    public const int MaxBits = 8;

    /// <summary>Fraction bits F of the SRC fixed-point states unless the caller chooses otherwise.</summary>
    public const int DefaultSrcFractionBits = 12;

    /// <summary>Quantizes every layer of <paramref name="spec"/> to <paramref name="bits"/>-bit weights.</summary>
    /// <param name="spec">The trained (and possibly pruned) float network.</param>
    /// <param name="bits">Weight width, 2..8.</param>
    /// <param name="srcFractionBits">F of every SRC layer, 8..14 (semantics §4.3).</param>
    public static QuantizedNetwork Quantize(FloatNetworkSpec spec, int bits = 8, int srcFractionBits = DefaultSrcFractionBits)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (bits < MinBits || bits > MaxBits)
        {
            throw new ArgumentOutOfRangeException(nameof(bits), bits, $"weight width {bits} bits is outside {MinBits}..{MaxBits}");
        }

        if (srcFractionBits < Semantics.MinFractionBits || srcFractionBits > Semantics.MaxFractionBits)
        {
            throw new ArgumentOutOfRangeException(nameof(srcFractionBits), srcFractionBits, $"SRC fraction bits {srcFractionBits} is outside {Semantics.MinFractionBits}..{Semantics.MaxFractionBits}");
        }

        FloatSpecValidator.Validate(spec);
        var layers = new QuantizedLayer[spec.Layers.Count];
        for (int l = 0; l < layers.Length; l++)
        {
            bool sharedReadout = spec.Readout == ReadoutMode.MembraneSum && l == layers.Length - 1;
            double inputFactor = l > 0 && spec.Layers[l - 1].HasGradedOutput ? Semantics.GradedFullScale : 1;
            layers[l] = QuantizeLayer(spec.Layers[l], bits, sharedReadout, inputFactor, srcFractionBits);
        }

        return new QuantizedNetwork(bits, layers);
    }

    private static QuantizedLayer QuantizeLayer(FloatLayerSpec layer, int bits, bool sharedReadout, double inputFactor, int fractionBits)
    {
        int outputs = layer.OutputSize;
        int qmax = (1 << (bits - 1)) - 1;
        bool lif = layer.Neuron == NeuronModel.Lif;
        bool src = layer.Neuron == NeuronModel.Src;
        bool graded = layer.HasGradedOutput;
        double recurrentFactor = graded ? Semantics.GradedFullScale : 1;
        float[] unit = StateUnits.Choose(layer, qmax, inputFactor, recurrentFactor, sharedReadout || graded);
        float[] scale = Multiply(unit, inputFactor);
        sbyte[] weights = QuantizeMatrix(layer.Weight, layer.InputSize, outputs, scale, qmax);

        sbyte[] recurrent = [];
        float[] recurrentScale = [];
        if (layer.RecurrentWeight.Length > 0)
        {
            recurrentScale = Multiply(unit, recurrentFactor);
            recurrent = QuantizeMatrix(layer.RecurrentWeight, outputs, outputs, recurrentScale, qmax);
        }

        double biasScale = Math.Pow(2, fractionBits);
        var bias = new int[outputs];
        for (int o = 0; o < outputs; o++)
        {
            double b = layer.Bias.Length == 0 ? 0 : layer.Bias[o];
            bias[o] = Rounding.ToState(src ? b * biasScale : b / (double)unit[o]);
        }

        int[] threshold = [];
        if (lif)
        {
            threshold = new int[outputs];
            for (int o = 0; o < outputs; o++)
            {
                int t = Rounding.ToState(layer.ThresholdOf(o) / (double)unit[o]);
                threshold[o] = graded ? t : Math.Max(1, t);
            }
        }

        bool leakyRelu = lif && layer.Activation == StateActivation.LeakyRelu;
        return new QuantizedLayer(
            layer.Name,
            layer.Neuron,
            layer.InputSize,
            outputs,
            bits,
            weights,
            threshold,
            bias,
            scale,
            src ? 0 : layer.LeakShift,
            lif ? layer.Reset : ResetMode.Unspecified,
            lif && !graded ? layer.Comparison : ThresholdComparison.Unspecified)
        {
            StateUnit = unit,
            DecayQ16 = src ? 0 : layer.DecayQ16,
            CurrentShift = src ? 0 : layer.CurrentShift,
            RefractoryTicks = lif ? layer.RefractoryTicks : 0,
            RefractoryGain = lif ? QuantizeFractions(layer.RefractoryGain, Semantics.MaxRefractoryGain) : [],
            Inhibition = lif ? PerNeuronState(layer.Inhibition, unit, graded ? Semantics.GradedFullScale : 1) : [],
            MembraneFloor = lif ? PerNeuronState(layer.MembraneFloor, unit, 1) : [],
            Activation = leakyRelu ? StateActivation.LeakyRelu : StateActivation.Unspecified,
            NegativeSlopeQ16 = leakyRelu ? QuantizeFraction(layer.NegativeSlope, Semantics.OneQ16) : 0,
            Output = lif && graded ? OutputKind.Graded : OutputKind.Unspecified,
            OutputTable = lif && graded ? LookupTableBuilder.Sigmoid(unit[0]) : null,
            ResetScope = lif && layer.ResetScope == ResetScope.Layer ? ResetScope.Layer : ResetScope.Unspecified,
            RecurrentWeights = recurrent,
            RecurrentScale = recurrentScale,
            Src = src ? QuantizeSrc(layer.Src!, unit[0], fractionBits) : null,
        };
    }

    private static QuantizedSrc QuantizeSrc(SrcFloatParameters p, double unit, int fractionBits)
    {
        double one = Math.Pow(2, fractionBits);
        int max = 1 << fractionBits;
        return new QuantizedSrc(
            fractionBits,
            QuantizeFraction(p.Alpha, Semantics.OneQ16),
            LookupTableBuilder.SrcInput(unit, p.Rho, fractionBits),
            LookupTableBuilder.SrcFast(fractionBits),
            Rounding.ToState(p.FastFeedback * one),
            Rounding.ToState(p.SlowFeedback * one),
            Rounding.ToState(p.GateThreshold * one),
            QuantizeFraction(p.SlowGateRest, Semantics.OneQ16),
            QuantizeFraction(p.SlowGateActive, Semantics.OneQ16),
            Math.Clamp(Rounding.ToState(p.RestFast * one), -max, max),
            Math.Clamp(Rounding.ToState(p.RestSlow * one), -max, max));
    }

    /// <summary><c>clamp(round(w[o][i] / scale[o]), −qmax, qmax)</c>, from row-major [output, input] to input-major [input, output].</summary>
    private static sbyte[] QuantizeMatrix(float[] weight, int inputs, int outputs, float[] scale, int qmax)
    {
        var result = new sbyte[(long)inputs * outputs];
        for (int o = 0; o < outputs; o++)
        {
            double s = scale[o];
            for (int i = 0; i < inputs; i++)
            {
                double q = Rounding.HalfAwayFromZero(weight[((long)o * inputs) + i] / s);
                result[((long)i * outputs) + o] = (sbyte)Math.Clamp(q, -qmax, qmax);
            }
        }

        return result;
    }

    private static float[] Multiply(float[] unit, double factor)
    {
        var result = new float[unit.Length];
        for (int o = 0; o < unit.Length; o++)
        {
            result[o] = (float)(unit[o] * factor);
        }

        return result;
    }

    private static int[] PerNeuronState(float[] values, float[] unit, double outputFullScale)
    {
        var result = new int[values.Length];
        for (int o = 0; o < values.Length; o++)
        {
            result[o] = Rounding.ToState(values[o] / (unit[o] * outputFullScale));
        }

        return result;
    }

    private static int QuantizeFraction(float value, int one) => (int)Math.Clamp(Rounding.HalfAwayFromZero(value * (double)one), 0, one);

    private static int[] QuantizeFractions(float[] values, int one)
    {
        var result = new int[values.Length];
        for (int k = 0; k < values.Length; k++)
        {
            result[k] = QuantizeFraction(values[k], one);
        }

        return result;
    }
}
