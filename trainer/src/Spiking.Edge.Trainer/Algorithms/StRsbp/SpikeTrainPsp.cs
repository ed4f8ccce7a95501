using static Spiking.Edge.Trainer.Functional.Scalars;
using static TorchSharp.torch;

namespace Spiking.Edge.Trainer.Algorithms.StRsbp;

/// <summary>
/// The spike-train-level post-synaptic potential (S-PSP) e_{i|j} of ST-RSBP (seed-methods §2.2), replaying our CUBA-LIF
/// (semantics §4.1) with presynaptic train j alone, a unit weight and postsynaptic neuron i's own spike times:
/// <c>p(k) = α p(k−1) + x_j(k)</c>, <c>q(k) = β q(k−1) + p(k)</c>, q held at 0 on the R refractory ticks after each of
/// i's spikes, and at each spike t_f of i: <c>e += q(t_f)</c>, <c>q ← 0</c>. Unrolled,
/// <c>e_{i|j} = Σ_f Σ_{s ∈ [t_{f−1} + R + 1, t_f]} β^{t_f − s} p_j(s)</c> (the first window starts at 0), i.e. e = K·P with
/// a kernel K[b, i, s] built from the postsynaptic trains alone and traces P[b, s, j] from the presynaptic ones: one
/// batched matrix product for every synapse and sample. Σ_j w_ij e_{i|j} is then exactly the sum of i's membrane
/// potential at its own spikes (the part each input contributed).
/// </summary>
public static class SpikeTrainPsp
{
    /// <summary>The presynaptic traces p(k) = α p(k−1) + x(k), p(−1) = 0.</summary>
    /// <param name="pre">Presynaptic trains (spikes or event counts) [T, B, N_in].</param>
    /// <param name="alpha">α = 1 − 2^−currentShift of the postsynaptic layer.</param>
    /// <returns>P [B, T, N_in].</returns>
    public static Tensor Traces(Tensor pre, double alpha)
    {
        ArgumentNullException.ThrowIfNull(pre);
        CheckTrain(pre, nameof(pre));
        using var scope = NewDisposeScope();
        var ticks = pre.unbind(0);
        var traces = new Tensor[ticks.Length];
        traces[0] = ticks[0].alias();
        for (var t = 1; t < ticks.Length; t++)
        {
            traces[t] = ticks[t].add(traces[t - 1], S(alpha));
        }

        return stack(traces, 1).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// The postsynaptic kernel K[b, i, s] = β^{t_f − s} when s lies in the window [t_{f−1} + R + 1, t_f] of one of i's
    /// spikes t_f (the first window starts at 0), else 0 (after i's last spike, and on its refractory ticks).
    /// </summary>
    /// <param name="post">Postsynaptic spike trains (0/1) [T, B, N_out].</param>
    /// <param name="beta">β = 1 − 2^−membraneShift.</param>
    /// <param name="refractoryTicks">R.</param>
    /// <returns>K [B, N_out, T].</returns>
    public static Tensor Kernel(Tensor post, double beta, int refractoryTicks)
    {
        ArgumentNullException.ThrowIfNull(post);
        CheckTrain(post, nameof(post));
        ArgumentOutOfRangeException.ThrowIfNegative(refractoryTicks);
        if (!(beta > 0 && beta <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(beta), beta, "β must be in (0, 1].");
        }

        using var scope = NewDisposeScope();
        var steps = (int)post.shape[0];
        var spikes = post.gt(S(0)).to_type(ScalarType.Float32);
        var ticks = spikes.unbind(0);
        var silentTicks = spikes.neg().add_(S(1)).mul_(S(beta)).unbind(0);

        // Backwards over the ticks: G(s) = 1 at a spike, else β·G(s + 1); 0 after the last spike. So G(s) = β^{t_f − s}
        // with t_f the first spike at or after s.
        var kernel = new Tensor[steps];
        kernel[steps - 1] = ticks[steps - 1].alias();
        for (var s = steps - 2; s >= 0; s--)
        {
            kernel[s] = kernel[s + 1].mul(silentTicks[s]).add_(ticks[s]);
        }

        var stacked = stack(kernel, 0);
        if (refractoryTicks > 0 && steps > 1)
        {
            // Refractory ticks: a spike at one of s − R … s − 1 (the window of the next spike starts R + 1 after the last).
            var padded = nn.functional.pad(spikes, [0, 0, 0, 0, refractoryTicks, 0]);
            var recent = padded.narrow(0, refractoryTicks - 1, steps);
            for (var d = 2; d <= refractoryTicks; d++)
            {
                recent = recent.add(padded.narrow(0, refractoryTicks - d, steps));
            }

            stacked = stacked.mul_(recent.eq(S(0)));
        }

        var result = stacked.permute(1, 2, 0).contiguous();
        return result.MoveToOuterDisposeScope();
    }

    /// <summary>A train delayed by one tick (x'(k) = x(k − 1), x'(0) = 0): the layer's own outputs as its recurrent input.</summary>
    /// <param name="train">[T, B, N].</param>
    public static Tensor Delayed(Tensor train)
    {
        ArgumentNullException.ThrowIfNull(train);
        CheckTrain(train, nameof(train));
        using var scope = NewDisposeScope();
        var steps = train.shape[0];
        return nn.functional.pad(train.narrow(0, 0, steps - 1), [0, 0, 0, 0, 1, 0]).MoveToOuterDisposeScope();
    }

    /// <summary>The S-PSPs e_{i|j} of every synapse and sample.</summary>
    /// <param name="post">Postsynaptic spike trains [T, B, N_out].</param>
    /// <param name="pre">Presynaptic trains [T, B, N_in] (already delayed for recurrent inputs, see <see cref="Delayed"/>).</param>
    /// <param name="alpha">α of the postsynaptic layer.</param>
    /// <param name="beta">β of the postsynaptic layer.</param>
    /// <param name="refractoryTicks">R of the postsynaptic layer.</param>
    /// <returns>e [B, N_out, N_in].</returns>
    public static Tensor Compute(Tensor post, Tensor pre, double alpha, double beta, int refractoryTicks)
    {
        ArgumentNullException.ThrowIfNull(post);
        ArgumentNullException.ThrowIfNull(pre);
        if (post.dim() != 3 || pre.dim() != 3 || post.shape[0] != pre.shape[0] || post.shape[1] != pre.shape[1])
        {
            throw new ArgumentException($"post [{string.Join(", ", post.shape)}] and pre [{string.Join(", ", pre.shape)}] must share T and B.", nameof(pre));
        }

        using var scope = NewDisposeScope();
        var kernel = Kernel(post, beta, refractoryTicks);
        var traces = Traces(pre, alpha);
        return kernel.bmm(traces).MoveToOuterDisposeScope();
    }

    private static void CheckTrain(Tensor train, string name)
    {
        if (train.dim() != 3 || train.shape[0] < 1)
        {
            throw new ArgumentException($"A train must be shaped [T ≥ 1, B, N]; got [{string.Join(", ", train.shape)}].", name);
        }
    }
}
