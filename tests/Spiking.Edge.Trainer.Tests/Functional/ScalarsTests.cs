using Spiking.Edge.Trainer.Functional;
using TorchSharp;

namespace Spiking.Edge.Trainer.Tests.Functional;

[Collection("TorchSharp")]
public sealed class ScalarsTests
{
    [Fact]
    public void A_value_always_gets_the_same_live_scalar_and_it_survives_garbage_collection()
    {
        Scalar first = Scalars.S(0.8125);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        Assert.Same(first, Scalars.S(0.8125));
        Assert.Equal(0.8125, first.ToDouble());
        Assert.NotSame(first, Scalars.S(-0.8125));
    }
}
