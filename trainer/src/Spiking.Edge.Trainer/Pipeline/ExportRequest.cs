namespace Spiking.Edge.Trainer.Pipeline;

/// <summary>How to turn a trained float network into a model file.</summary>
/// <param name="PruneFraction">Fraction of each layer's smallest-magnitude weights set to zero before quantization (0..1).</param>
/// <param name="Bits">Weight bit width, 2..8.</param>
/// <param name="Dataset">Name of the training data, for provenance.</param>
/// <param name="Seed">Seed of the run, for provenance.</param>
/// <param name="Epochs">Epochs trained, for provenance.</param>
public sealed record ExportRequest(double PruneFraction, int Bits, string Dataset, int Seed, int Epochs)
{
    /// <summary>The training algorithm recorded in provenance; by default "bptt" for networks of SRC layers only
    /// (plain BPTT, the cell is differentiable) and "bptt-surrogate" otherwise.</summary>
    public string? Algorithm { get; init; }

    /// <summary>Refuses values outside their ranges with a one-line reason.</summary>
    public void Validate()
    {
        if (!(PruneFraction >= 0 && PruneFraction < 1))
        {
            throw new ArgumentException($"prune fraction must be in [0, 1), found {PruneFraction}");
        }

        if (Bits is < Quantization.Quantizer.MinBits or > Quantization.Quantizer.MaxBits)
        {
            throw new ArgumentException($"weight bits must be {Quantization.Quantizer.MinBits}..{Quantization.Quantizer.MaxBits}, found {Bits}");
        }
    }
}
