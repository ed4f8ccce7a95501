using Spiking.Edge.ModelFormat.Proto;
using Spiking.Edge.Trainer.Export;

namespace Spiking.Edge.Trainer.Quantization;

/// <summary>
/// Chooses each neuron's state unit u_o (semantics §4.1, "the float model that this quantizes"): the real value of one
/// membrane step. A graded input (the previous layer is GRADED LIF or SRC) arrives multiplied by 128, and so does a
/// layer's own graded output through its recurrent weights; with f = 128 for such sources and 1 for spikes and event
/// counts, <c>u_o = max(max_i |w[o][i]| / f_in, max_p |r[o][p]| / f_rec) / qmax</c>, so that both
/// <c>W = w / (u_o f_in)</c> and <c>R = r / (u_o f_rec)</c> fit in ±qmax.
/// </summary>
internal static class StateUnits
{
    /// <summary>
    /// One state unit per neuron, stored as float32 (every later division uses the stored value). With
    /// <paramref name="oneForLayer"/> (a shared readout scale, or a layer with a lookup table) every neuron takes the
    /// layer's largest. A neuron whose weights are all 0 takes the layer's largest unit; a layer whose weights are all 0
    /// takes <c>max(|θ|, |b|) / qmax</c> (LIF and leaky integrator), or 1 when that is 0 too (and for SRC).
    /// </summary>
    public static float[] Choose(FloatLayerSpec layer, int qmax, double inputFactor, double recurrentFactor, bool oneForLayer)
    {
        int inputs = layer.InputSize, outputs = layer.OutputSize;
        bool recurrent = layer.RecurrentWeight.Length > 0;
        var neuronMax = new double[outputs];
        double layerMax = 0;
        for (int o = 0; o < outputs; o++)
        {
            double m = 0;
            for (int i = 0; i < inputs; i++)
            {
                m = Math.Max(m, Math.Abs(layer.Weight[((long)o * inputs) + i]));
            }

            m /= inputFactor;
            if (recurrent)
            {
                double r = 0;
                for (int p = 0; p < outputs; p++)
                {
                    r = Math.Max(r, Math.Abs(layer.RecurrentWeight[((long)o * outputs) + p]));
                }

                m = Math.Max(m, r / recurrentFactor);
            }

            neuronMax[o] = m;
            layerMax = Math.Max(layerMax, m);
        }

        double fallback = layerMax == 0 ? AllZeroFallback(layer, qmax) : layerMax;
        var unit = new float[outputs];
        for (int o = 0; o < outputs; o++)
        {
            double m = oneForLayer ? layerMax : neuronMax[o];
            float u = (float)((m == 0 ? fallback : m) / qmax);
            unit[o] = u > 0 && float.IsFinite(u) ? u : float.Epsilon;
        }

        return unit;
    }

    private static double AllZeroFallback(FloatLayerSpec layer, int qmax)
    {
        double fallback = 0;
        if (layer.Neuron == NeuronModel.Lif)
        {
            fallback = Math.Abs(layer.Threshold);
            foreach (float t in layer.Thresholds)
            {
                fallback = Math.Max(fallback, Math.Abs(t));
            }
        }

        if (layer.Neuron != NeuronModel.Src)
        {
            foreach (float b in layer.Bias)
            {
                fallback = Math.Max(fallback, Math.Abs(b));
            }
        }

        return fallback == 0 ? qmax : fallback;
    }
}
