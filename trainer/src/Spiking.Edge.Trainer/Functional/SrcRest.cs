namespace Spiking.Edge.Trainer.Functional;

/// <summary>
/// The zero-input equilibrium of the SRC (seed-methods §1.2, "start the SRC at rest, not at zero"): the cell is iterated
/// from h = h_s = 0 with no input (i = 0, so x = 0) until it settles: <c>z = z_dep if h &gt; θ_z else z_hyp</c>,
/// <c>h_s ← z h_s + (1 − z) h</c>, <c>h ← tanh(r h + r_s h_s + b)</c>. With the paper's constants and b = −6 both states
/// settle at ≈ −0.90.
/// </summary>
public static class SrcRest
{
    private const int MaxIterations = 1_000_000;
    private const double Tolerance = 1e-12;

    /// <summary>The rest values (h, h_s), computed in double precision and rounded to float.</summary>
    /// <param name="fastFeedback">r.</param>
    /// <param name="slowFeedback">r_s.</param>
    /// <param name="gateThreshold">θ_z.</param>
    /// <param name="slowGateRest">z_hyp (use the Q16-rounded value the cell computes with).</param>
    /// <param name="slowGateActive">z_dep (Q16-rounded).</param>
    /// <param name="bias">b, the bias every neuron starts with (−6 by default).</param>
    /// <exception cref="InvalidOperationException">The cell oscillates or drifts instead of settling.</exception>
    public static (float Fast, float Slow) Equilibrium(double fastFeedback, double slowFeedback, double gateThreshold, double slowGateRest, double slowGateActive, double bias)
    {
        double h = 0, hs = 0;
        for (var k = 0; k < MaxIterations; k++)
        {
            var z = h > gateThreshold ? slowGateActive : slowGateRest;
            var nextSlow = (z * hs) + ((1 - z) * h);
            var nextFast = Math.Tanh((fastFeedback * h) + (slowFeedback * hs) + bias);
            var change = Math.Abs(nextFast - h) + Math.Abs(nextSlow - hs);
            h = nextFast;
            hs = nextSlow;
            if (change < Tolerance)
            {
                return ((float)h, (float)hs);
            }
        }

        throw new InvalidOperationException(
            $"The SRC with r = {fastFeedback}, r_s = {slowFeedback}, θ_z = {gateThreshold}, z_hyp = {slowGateRest}, z_dep = {slowGateActive}, b = {bias} does not settle at rest without input; choose other constants.");
    }
}
