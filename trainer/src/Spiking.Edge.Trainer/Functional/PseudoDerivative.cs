namespace Spiking.Edge.Trainer.Functional;

/// <summary>The backward slope of the SNU step function (seed-methods §4.2).</summary>
public enum PseudoDerivative
{
    /// <summary>1 − tanh²(x): the official neuroaikit toolkit's choice (default).</summary>
    Tanh,

    /// <summary>σ(x)(1 − σ(x)): the derivative of the logistic sigmoid.</summary>
    Sigmoid,
}
