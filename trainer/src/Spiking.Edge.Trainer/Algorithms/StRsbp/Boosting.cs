namespace Spiking.Edge.Trainer.Algorithms.StRsbp;

/// <summary>
/// ST-RSBP's per-sample boosting (seed-methods §2.6): every training sample, keyed by its position in the training set,
/// carries a weight (initially 1) that multiplies its output error. <see cref="Record"/> notes each sample's class and
/// whether its training-time prediction was right; <see cref="EndEpoch"/> then computes, per class c,
/// e_c = (weight of misclassified class-c samples) / (weight of all class-c samples seen this epoch) and multiplies each
/// misclassified class-c sample's weight by exp(e_c / divisor). Checkpoints keep the weights (<see cref="Weights"/>,
/// <see cref="Restore"/>), so a resumed run continues them.
/// </summary>
public sealed class Boosting
{
    private const byte Unseen = 0;
    private const byte Right = 1;
    private const byte Wrong = 2;

    private readonly double _divisor;
    private float[] _weights = [];
    private int[] _labels = [];
    private byte[] _outcomes = [];
    private int _classes;

    /// <summary>Creates the weights (all 1).</summary>
    /// <param name="divisor">The divisor of e_c in the exponent (&gt; 0; reference 20).</param>
    public Boosting(double divisor)
    {
        if (!double.IsFinite(divisor) || divisor <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(divisor), divisor, "divisor must be a finite number > 0.");
        }

        _divisor = divisor;
    }

    /// <summary>The weight of training sample <paramref name="sample"/> (1 until boosted).</summary>
    /// <param name="sample">Position in the training set (≥ 0).</param>
    public float WeightOf(int sample)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sample);
        return sample < _weights.Length ? _weights[sample] : 1f;
    }

    /// <summary>A copy of the weights of the samples seen so far (index = position in the training set).</summary>
    public float[] Weights() => [.. _weights];

    /// <summary>Replaces the weights by saved ones (the epoch's outcomes start empty).</summary>
    /// <param name="weights">Weights from <see cref="Weights"/>.</param>
    /// <exception cref="InvalidDataException">A weight is not a finite positive number.</exception>
    public void Restore(float[] weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        for (var n = 0; n < weights.Length; n++)
        {
            if (!float.IsFinite(weights[n]) || weights[n] <= 0)
            {
                throw new InvalidDataException($"boosting weight {n} is {weights[n]}; weights are finite numbers > 0.");
            }
        }

        _weights = [.. weights];
        _labels = new int[weights.Length];
        _outcomes = new byte[weights.Length];
    }

    /// <summary>Notes a sample's class and whether it was classified correctly in this epoch.</summary>
    /// <param name="sample">Position in the training set (≥ 0).</param>
    /// <param name="label">Its class (≥ 0).</param>
    /// <param name="correct">Whether the prediction equalled the label.</param>
    public void Record(int sample, int label, bool correct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sample);
        ArgumentOutOfRangeException.ThrowIfNegative(label);
        if (sample >= _weights.Length)
        {
            var size = Math.Max(sample + 1, 2 * _weights.Length);
            var old = _weights.Length;
            Array.Resize(ref _weights, size);
            Array.Fill(_weights, 1f, old, size - old);
            Array.Resize(ref _labels, size);
            Array.Resize(ref _outcomes, size);
        }

        _labels[sample] = label;
        _outcomes[sample] = correct ? Right : Wrong;
        _classes = Math.Max(_classes, label + 1);
    }

    /// <summary>Boosts the misclassified samples of the epoch, class by class, and forgets the epoch's outcomes.</summary>
    public void EndEpoch()
    {
        var total = new double[_classes];
        var wrong = new double[_classes];
        for (var n = 0; n < _outcomes.Length; n++)
        {
            if (_outcomes[n] == Unseen)
            {
                continue;
            }

            total[_labels[n]] += _weights[n];
            if (_outcomes[n] == Wrong)
            {
                wrong[_labels[n]] += _weights[n];
            }
        }

        for (var n = 0; n < _outcomes.Length; n++)
        {
            if (_outcomes[n] == Wrong)
            {
                var c = _labels[n];
                _weights[n] = (float)(_weights[n] * Math.Exp(wrong[c] / total[c] / _divisor));
            }
        }

        Array.Clear(_outcomes);
    }
}
