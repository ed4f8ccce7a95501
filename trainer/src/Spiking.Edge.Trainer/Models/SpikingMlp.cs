using Spiking.Edge.ModelFormat.Proto;
using Spiking.Edge.Trainer.Cells;
using Spiking.Edge.Trainer.Export;
using Spiking.Edge.Trainer.Functional;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Spiking.Edge.Trainer.Models;

/// <summary>
/// A fully connected spiking network, e.g. 2312-800-10: hidden Linear + <see cref="Lif"/> layers, then a Linear +
/// <see cref="LeakyIntegrator"/> readout. Input frames [T, B, inputSize] (event counts per tick); output logits
/// [B, outputs] = the mean over T of the readout membrane (the float form of semantics.md §5 MEMBRANE_SUM).
/// <see cref="forward"/> runs each Linear as one matrix product over T·B rows; <see cref="ForwardStepByStep"/>
/// walks tick by tick and gives the same logits.
/// </summary>
public sealed class SpikingMlp : nn.Module<Tensor, Tensor>
{
    private readonly ModuleList<Linear> hidden;
    private readonly ModuleList<Lif> cells;
    private readonly Linear output;
    private readonly LeakyIntegrator readout;
    private readonly int[] hiddenSizes;

    /// <summary>Builds the network with weights and biases drawn from U(−1/√fan_in, 1/√fan_in) by a generator seeded with <paramref name="seed"/>.</summary>
    /// <param name="inputSize">Inputs per tick, e.g. 2312 = 34 × 34 × 2.</param>
    /// <param name="hiddenSizes">Neurons per hidden LIF layer, input side first (may be empty).</param>
    /// <param name="outputSize">Number of classes.</param>
    /// <param name="hiddenParameters">LIF parameters of every hidden layer (defaults: leak shift 4, θ = 1, ≥, subtract).</param>
    /// <param name="readoutLeakShift">Leak shift of the readout integrator.</param>
    /// <param name="seed">Initialisation seed.</param>
    public SpikingMlp(
        int inputSize,
        IReadOnlyList<int> hiddenSizes,
        int outputSize,
        LifParameters? hiddenParameters = null,
        int readoutLeakShift = LifParameters.DefaultLeakShift,
        long seed = 1)
        : base("spiking_mlp")
    {
        ArgumentNullException.ThrowIfNull(hiddenSizes);
        RequirePositive(inputSize, nameof(inputSize));
        RequirePositive(outputSize, nameof(outputSize));
        for (var i = 0; i < hiddenSizes.Count; i++)
        {
            RequirePositive(hiddenSizes[i], $"{nameof(hiddenSizes)}[{i}]");
        }

        InputSize = inputSize;
        OutputSize = outputSize;
        Seed = seed;
        HiddenParameters = hiddenParameters ?? new LifParameters();
        this.hiddenSizes = [.. hiddenSizes];
        hidden = new ModuleList<Linear>();
        cells = new ModuleList<Lif>();
        var generator = new Generator(unchecked((ulong)seed));
        var fanIn = inputSize;
        foreach (var size in this.hiddenSizes)
        {
            hidden.Add(SeededLinear(fanIn, size, generator));
            cells.Add(new Lif(HiddenParameters));
            fanIn = size;
        }

        output = SeededLinear(fanIn, outputSize, generator);
        readout = new LeakyIntegrator(readoutLeakShift);
        RegisterComponents();
    }

    /// <summary>Inputs per tick.</summary>
    public int InputSize { get; }

    /// <summary>Neurons per hidden layer (a copy).</summary>
    public int[] HiddenSizes => [.. hiddenSizes];

    /// <summary>Number of classes.</summary>
    public int OutputSize { get; }

    /// <summary>LIF parameters of the hidden layers.</summary>
    public LifParameters HiddenParameters { get; }

    /// <summary>Leak shift of the readout integrator.</summary>
    public int ReadoutLeakShift => readout.LeakShift;

    /// <summary>Initialisation seed.</summary>
    public long Seed { get; }

    /// <summary>Multi-step forward: frames [T, B, inputSize] → logits [B, outputSize].</summary>
    /// <param name="frames">Event counts per tick.</param>
    public override Tensor forward(Tensor frames)
    {
        var (ticks, batch) = CheckFrames(frames);
        using var scope = NewDisposeScope();
        var x = frames;
        for (var l = 0; l < hidden.Count; l++)
        {
            var currents = hidden[l].forward(x.reshape(ticks * batch, x.shape[2])).reshape(ticks, batch, -1);
            x = cells[l].forward(currents);
        }

        var outputCurrents = output.forward(x.reshape(ticks * batch, x.shape[2])).reshape(ticks, batch, -1);
        return readout.forward(outputCurrents).mean([0]).MoveToOuterDisposeScope();
    }

    /// <summary>Tick-by-tick forward with the same result as <see cref="forward"/> (each Linear runs T times on B rows).</summary>
    /// <param name="frames">Event counts per tick [T, B, inputSize].</param>
    /// <returns>Logits [B, outputSize].</returns>
    public Tensor ForwardStepByStep(Tensor frames)
    {
        var (ticks, batch) = CheckFrames(frames);
        using var scope = NewDisposeScope();
        var membranes = new Tensor[hidden.Count];
        for (var l = 0; l < hidden.Count; l++)
        {
            membranes[l] = LifCell.InitialMembrane(batch, hiddenSizes[l]);
        }

        var readoutMembrane = zeros(batch, OutputSize);
        var sum = zeros(batch, OutputSize);
        foreach (var tick in frames.unbind(0))
        {
            var x = tick;
            for (var l = 0; l < hidden.Count; l++)
            {
                var result = LifStep.Step(hidden[l].forward(x), membranes[l], HiddenParameters);
                membranes[l] = result.Membrane;
                x = result.Spikes;
            }

            readoutMembrane = readout.Step(output.forward(x), readoutMembrane);
            sum = sum.add(readoutMembrane);
        }

        return sum.div(ticks).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// The trained network as plain arrays for quantization and export: hidden layers LIF with this model's
    /// parameters, the readout a leaky integrator (reset and comparison Unspecified), readout MEMBRANE_SUM.
    /// </summary>
    /// <param name="width">Sensor width; width × height × polarities must equal <see cref="InputSize"/>.</param>
    /// <param name="height">Sensor height.</param>
    /// <param name="polarities">1 or 2.</param>
    /// <param name="tickMicroseconds">Tick length used in training.</param>
    /// <param name="ticksPerSample">T used in training.</param>
    /// <param name="labels">One class name per output.</param>
    public FloatNetworkSpec ToSpec(int width, int height, int polarities, int tickMicroseconds, int ticksPerSample, IReadOnlyList<string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        RequirePositive(width, nameof(width));
        RequirePositive(height, nameof(height));
        if (polarities is not (1 or 2))
        {
            throw new ArgumentOutOfRangeException(nameof(polarities), polarities, "Polarities must be 1 or 2.");
        }

        if ((long)width * height * polarities != InputSize)
        {
            throw new ArgumentException($"Geometry {width} × {height} × {polarities} = {(long)width * height * polarities} does not match the model's input size {InputSize}.", nameof(width));
        }

        RequirePositive(tickMicroseconds, nameof(tickMicroseconds));
        RequirePositive(ticksPerSample, nameof(ticksPerSample));
        if (labels.Count != OutputSize)
        {
            throw new ArgumentException($"Expected {OutputSize} labels (one per output), got {labels.Count}.", nameof(labels));
        }

        var layers = new List<FloatLayerSpec>(hidden.Count + 1);
        for (var l = 0; l < hidden.Count; l++)
        {
            layers.Add(new FloatLayerSpec(
                $"hidden{l + 1}",
                NeuronModel.Lif,
                (int)hidden[l].in_features,
                (int)hidden[l].out_features,
                ToArray(hidden[l].weight!),
                ToArray(hidden[l].bias!),
                HiddenParameters.Threshold,
                HiddenParameters.LeakShift,
                HiddenParameters.Reset,
                HiddenParameters.Comparison));
        }

        layers.Add(new FloatLayerSpec(
            "readout",
            NeuronModel.LeakyIntegrator,
            (int)output.in_features,
            (int)output.out_features,
            ToArray(output.weight!),
            ToArray(output.bias!),
            0f,
            readout.LeakShift,
            ResetMode.Unspecified,
            ThresholdComparison.Unspecified));
        return new FloatNetworkSpec(width, height, polarities, tickMicroseconds, ticksPerSample, layers, ReadoutMode.MembraneSum, [.. labels]);
    }

    private (long Ticks, long Batch) CheckFrames(Tensor frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        if (frames.dim() != 3 || frames.shape[2] != InputSize)
        {
            throw new ArgumentException($"Frames must be shaped [T, B, {InputSize}]; got [{string.Join(", ", frames.shape)}].", nameof(frames));
        }

        if (frames.shape[0] == 0 || frames.shape[1] == 0)
        {
            throw new ArgumentException("Frames need at least one tick and one sample.", nameof(frames));
        }

        return (frames.shape[0], frames.shape[1]);
    }

    private static Linear SeededLinear(int inputs, int outputs, Generator generator)
    {
        var layer = nn.Linear(inputs, outputs);
        var bound = 1.0 / Math.Sqrt(inputs);
        using (no_grad())
        {
            using var w = rand(new long[] { outputs, inputs }, generator: generator).mul_(2 * bound).sub_(bound);
            using var b = rand(new long[] { outputs }, generator: generator).mul_(2 * bound).sub_(bound);
            layer.weight!.copy_(w);
            layer.bias!.copy_(b);
        }

        return layer;
    }

    private static float[] ToArray(Tensor tensor)
    {
        using var copy = tensor.detach().cpu().contiguous();
        return copy.data<float>().ToArray();
    }

    private static void RequirePositive(int value, string name)
    {
        if (value <= 0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be > 0.");
        }
    }
}
