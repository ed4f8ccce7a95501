namespace Spiking.Edge.Trainer.Algorithms.Lee2016;

/// <summary>Settings of Lee, Delbruck and Pfeiffer's membrane-potential backpropagation (seed-methods §3; most constants unverified, hence options).</summary>
public sealed record Lee2016Options
{
    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first invalid field.</summary>
    public void Validate()
    {
    }
}
