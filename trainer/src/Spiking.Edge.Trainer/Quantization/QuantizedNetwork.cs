namespace Spiking.Edge.Trainer.Quantization;

/// <summary>A network quantized by <see cref="Quantizer"/>: its layers in integer units, input side first.</summary>
/// <param name="Bits">The weight width every layer uses (2..8).</param>
/// <param name="Layers">Input side first.</param>
public sealed record QuantizedNetwork(int Bits, IReadOnlyList<QuantizedLayer> Layers)
{
    /// <summary>The fraction of all integer weights that are 0.</summary>
    public double WeightSparsity
    {
        get
        {
            long zeros = 0, total = 0;
            foreach (QuantizedLayer layer in Layers)
            {
                foreach (sbyte w in layer.Weights)
                {
                    zeros += w == 0 ? 1 : 0;
                }

                total += layer.Weights.Length;
            }

            return total == 0 ? 0 : (double)zeros / total;
        }
    }
}
