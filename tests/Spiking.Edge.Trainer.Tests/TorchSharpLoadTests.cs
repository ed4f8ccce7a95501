using TorchSharp;

namespace Spiking.Edge.Trainer.Tests;

/// <summary>
/// Proves the build applied the Debian 12 load fix (build/TorchSharpDebian12Fix.targets): without it the first
/// TorchSharp call throws because libLibTorchSharp.so asks for GLIBCXX_3.4.32.
/// </summary>
[Collection("TorchSharp")]
public class TorchSharpLoadTests
{
    [Fact]
    public void A_matrix_product_runs_on_the_native_backend()
    {
        using var a = torch.tensor(new float[] { 1, 2, 3, 4 }, new long[] { 2, 2 });
        using var b = a.matmul(a);
        Assert.Equal(new float[] { 7, 10, 15, 22 }, b.data<float>().ToArray());
    }
}
