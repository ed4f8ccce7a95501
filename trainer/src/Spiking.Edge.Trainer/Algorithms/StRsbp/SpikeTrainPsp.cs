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
        var steps = post.shape[0];
        var spikes = post.permute(1, 2, 0).gt(S(0)).to_type(ScalarType.Float32);
        var time = arange(steps, dtype: ScalarType.Float32, device: post.device);

        // Next spike at or after s: a reverse running minimum of (s where spiking, else T).
        var spikeTimes = spikes.mul(time.sub(S(steps))).add_(S(steps));
        var next = spikeTimes.flip(2).cummin(2).values.flip(2);
        var distance = next.sub(time);
        var kernel = distance.mul(S(Math.Log(beta))).exp_().mul_(next.lt(S(steps)));

        if (refractoryTicks > 0)
        {
            // Last spike strictly before s: a running maximum of (s where spiking, else −T − R − 1), shifted by one tick.
            var far = (double)(-steps - refractoryTicks - 1);
            var lastTimes = spikes.mul(time.sub(S(far))).add_(S(far)).cummax(2).values;
            var previous = nn.functional.pad(lastTimes.narrow(2, 0, steps - 1), [1, 0], value: far);
            var free = time.sub(previous).gt(S(refractoryTicks));
            kernel = kernel.mul_(free);
        }

        return kernel.MoveToOuterDisposeScope();
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
