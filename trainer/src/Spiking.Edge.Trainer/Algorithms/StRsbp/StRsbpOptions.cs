namespace Spiking.Edge.Trainer.Algorithms.StRsbp;

/// <summary>Settings of ST-RSBP (Zhang and Li 2019; seed-methods §2).</summary>
public sealed record StRsbpOptions
{
    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first invalid field.</summary>
    public void Validate()
    {
    }
}
