using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Spiking.Edge.Trainer.Baselines;

/// <summary>The non-spiking recurrent cells the SNU paper compares against (TorchSharp's own implementations).</summary>
public enum RecurrentBaselineKind
{
    /// <summary>Long short-term memory (<c>torch.nn.LSTM</c>).</summary>
    Lstm,

    /// <summary>Gated recurrent unit (<c>torch.nn.GRU</c>).</summary>
    Gru,
}

/// <summary>
/// A float LSTM or GRU classifier of the same shape as the spiking networks, for the SNU paper's comparison
/// (Woźniak et al. 2020, Fig. 2): input frames [T, B, in] → stacked recurrent layers → Linear readout of the
/// time-averaged last hidden layer → logits [B, classes]. Not exportable: the edge runtime runs spiking cells only.
/// </summary>
public sealed class RecurrentBaseline : nn.Module<Tensor, Tensor>, Training.IClassifier
{
    private readonly LSTM? lstm;
    private readonly GRU? gru;
    private readonly Linear readout;

    /// <summary>Builds the network; parameters drawn by TorchSharp's default initialisation under <paramref name="seed"/>.</summary>
    /// <param name="kind">LSTM or GRU.</param>
    /// <param name="inputSize">Inputs per tick.</param>
    /// <param name="hiddenSize">Units per recurrent layer.</param>
    /// <param name="layers">Stacked recurrent layers (≥ 1).</param>
    /// <param name="outputSize">Classes.</param>
    /// <param name="seed">Initialisation seed.</param>
    public RecurrentBaseline(RecurrentBaselineKind kind, int inputSize, int hiddenSize, int layers, int outputSize, long seed = 1)
        : base("recurrent_baseline")
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hiddenSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(layers);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputSize);
        Kind = kind;
        InputSize = inputSize;
        HiddenSize = hiddenSize;
        Layers = layers;
        OutputSize = outputSize;
        Seed = seed;
        torch.random.manual_seed(seed);
        if (kind == RecurrentBaselineKind.Lstm)
        {
            lstm = nn.LSTM(inputSize, hiddenSize, numLayers: layers);
        }
        else
        {
            gru = nn.GRU(inputSize, hiddenSize, numLayers: layers);
        }

        readout = nn.Linear(hiddenSize, outputSize);
        RegisterComponents();
    }

    /// <summary>LSTM or GRU.</summary>
    public RecurrentBaselineKind Kind { get; }

    /// <summary>Inputs per tick.</summary>
    public int InputSize { get; }

    /// <summary>Units per recurrent layer.</summary>
    public int HiddenSize { get; }

    /// <summary>Stacked recurrent layers.</summary>
    public int Layers { get; }

    /// <summary>Classes.</summary>
    public int OutputSize { get; }

    /// <summary>Initialisation seed (TorchSharp's global generator is seeded with it at construction).</summary>
    public long Seed { get; }

    /// <summary>Frames [T, B, in] → logits [B, classes] from the time-averaged top hidden state.</summary>
    public override Tensor forward(Tensor frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        if (frames.dim() != 3 || frames.shape[2] != InputSize)
        {
            throw new ArgumentException($"expected frames [T, B, {InputSize}], got [{string.Join(", ", frames.shape)}]", nameof(frames));
        }

        using var scope = NewDisposeScope();
        Tensor hidden;
        if (lstm is not null)
        {
            var (output, h, c) = lstm.call(frames, null);
            hidden = output;
        }
        else
        {
            var (output, h) = gru!.call(frames, null);
            hidden = output;
        }

        return readout.call(hidden.mean([0])).MoveToOuterDisposeScope();
    }
}
