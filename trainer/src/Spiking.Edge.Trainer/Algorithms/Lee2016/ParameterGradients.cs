using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Spiking.Edge.Trainer.Algorithms.Lee2016;

/// <summary>Adds a hand-computed gradient to a parameter's <c>.grad</c> (TorchSharp exposes no setter for it).</summary>
internal static class ParameterGradients
{
    /// <summary>grad += gradient; a parameter without a gradient yet gets one through autograd (a leaf's backward stores it).</summary>
    /// <param name="parameter">The parameter.</param>
    /// <param name="gradient">Same shape as the parameter.</param>
    public static void Add(Parameter parameter, Tensor gradient)
    {
        if (!parameter.shape.SequenceEqual(gradient.shape))
        {
            throw new ArgumentException($"Gradient shape [{string.Join(", ", gradient.shape)}] does not match the parameter's [{string.Join(", ", parameter.shape)}].", nameof(gradient));
        }

        var existing = parameter.grad;
        if (existing is null)
        {
            parameter.backward([gradient.detach().to_type(parameter.dtype)]);
            return;
        }

        using (no_grad())
        {
            existing.add_(gradient.to_type(existing.dtype));
        }
    }
}
