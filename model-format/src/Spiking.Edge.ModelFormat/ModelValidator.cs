using Spiking.Edge.ModelFormat.Proto;
using Spiking.Edge.Runtime;
using static System.FormattableString;

namespace Spiking.Edge.ModelFormat;

/// <summary>
/// Checks a <see cref="Model"/> against every rule of semantics.md and the .proto comments (listed in
/// spec/wire-format.md): what the writer refuses to write and the reader refuses to return.
/// </summary>
public static partial class ModelValidator
{
    /// <summary>Throws <see cref="ModelFileException"/> naming the first broken rule; returns when the model is valid.</summary>
    /// <param name="model">The model to check.</param>
    /// <param name="sourceName">The name used in the error (usually the file name).</param>
    public static void Validate(Model model, string sourceName = "model")
    {
        List<ValidationProblem> problems = Collect(model);
        if (problems.Count > 0)
        {
            ValidationProblem first = problems[0];
            throw new ModelFileException(sourceName, first.Field, -1, first.Expected, first.Found);
        }
    }

    /// <summary>
    /// Every broken rule, one line each (<c>"field: expected, found x"</c>), in field order; empty when the model
    /// is valid. For per-element rules over an array, the first offending element is reported.
    /// </summary>
    public static IReadOnlyList<string> FindProblems(Model model)
        => Collect(model).Select(p => p.ToString()).ToArray();

    internal static List<ValidationProblem> Collect(Model model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var problems = new List<ValidationProblem>();
        if (model.FormatMajor != Semantics.FormatMajor)
        {
            problems.Add(new("format_major", Invariant($"{Semantics.FormatMajor} (the only major version this library knows)"), Invariant($"{model.FormatMajor}")));
        }

        if (model.FormatMinor > FormatVersion.LatestMinor)
        {
            problems.Add(new("format_minor", Invariant($"0..{FormatVersion.LatestMinor} (the newest minor version this library knows)"), Invariant($"{model.FormatMinor} (it needs a newer reader)")));
        }

        long inputVectorSize = CheckInput(model.Input, problems);
        if (model.TickMicroseconds < 1)
        {
            problems.Add(new("tick_microseconds", "at least 1", Invariant($"{model.TickMicroseconds}")));
        }

        if (model.TicksPerSample < 1 || model.TicksPerSample > Semantics.MaxTicks)
        {
            problems.Add(new("ticks_per_sample", Invariant($"1..{Semantics.MaxTicks}"), Invariant($"{model.TicksPerSample}")));
        }

        if (model.Layers.Count < 1 || model.Layers.Count > Semantics.MaxLayers)
        {
            problems.Add(new("layers", Invariant($"1..{Semantics.MaxLayers} layers"), Invariant($"{model.Layers.Count}")));
        }

        // A file marked 1.0 that uses a 1.1 field was written by a broken writer: reported once, at the first such field.
        bool minor1FieldReported = model.FormatMinor != 0;
        long previousOutput = inputVectorSize;
        int previousFullScale = -1;
        for (int l = 0; l < model.Layers.Count; l++)
        {
            Layer layer = model.Layers[l];
            if (!minor1FieldReported && FormatVersion.FirstMinor1Field(layer) is (string field, string found))
            {
                problems.Add(new(Invariant($"layers[{l}].{field}"), "absent from a file marked format 1.0 (format_minor = 0): 1.1 fields need format_minor = 1", found));
                minor1FieldReported = true;
            }

            CheckLayer(layer, l, previousOutput, previousFullScale, problems);
            bool outputUsable = layer.OutputSize >= 1 && layer.OutputSize <= Semantics.MaxLayerSize;
            previousOutput = outputUsable ? layer.OutputSize : -1;
            previousFullScale = OutputFullScale(layer);
        }

        CheckReadout(model, problems);
        return problems;
    }

    /// <summary>Checks the geometry; returns width × height × polarities, or -1 when the geometry is unusable.</summary>
    private static long CheckInput(InputGeometry? input, List<ValidationProblem> problems)
    {
        if (input == null)
        {
            problems.Add(new("input", "an input geometry", "none"));
            return -1;
        }

        bool usable = true;
        if (input.Width < 1 || input.Width > Semantics.MaxLayerSize)
        {
            problems.Add(new("input.width", Invariant($"1..{Semantics.MaxLayerSize}"), Invariant($"{input.Width}")));
            usable = false;
        }

        if (input.Height < 1 || input.Height > Semantics.MaxLayerSize)
        {
            problems.Add(new("input.height", Invariant($"1..{Semantics.MaxLayerSize}"), Invariant($"{input.Height}")));
            usable = false;
        }

        if (input.Polarities != 1 && input.Polarities != 2)
        {
            problems.Add(new("input.polarities", "1 or 2", Invariant($"{input.Polarities}")));
            usable = false;
        }

        if (!usable)
        {
            return -1;
        }

        long size = (long)input.Width * input.Height * input.Polarities;
        if (size > Semantics.MaxLayerSize)
        {
            problems.Add(new("input", Invariant($"width × height × polarities at most {Semantics.MaxLayerSize}"), Invariant($"{input.Width} × {input.Height} × {input.Polarities} = {size}")));
            return -1;
        }

        return size;
    }

    private static void CheckReadout(Model model, List<ValidationProblem> problems)
    {
        if (model.Readout == null)
        {
            problems.Add(new("readout", "a readout", "none"));
        }
        else if (model.Readout.Mode != ReadoutMode.SpikeCount && model.Readout.Mode != ReadoutMode.MembraneSum)
        {
            problems.Add(new("readout.mode", "SPIKE_COUNT or MEMBRANE_SUM", EnumText(model.Readout.Mode)));
        }

        else if (model.Readout.Mode == ReadoutMode.SpikeCount && model.Layers.Count > 0 && model.Layers[^1].Neuron == NeuronModel.LeakyIntegrator)
        {
            problems.Add(new("readout.mode", "MEMBRANE_SUM when the last layer is a LEAKY_INTEGRATOR (it never outputs, so every count would be 0)", EnumText(model.Readout.Mode)));
        }

        if (model.Labels.Count > 0 && model.Layers.Count > 0)
        {
            uint classes = model.Layers[^1].OutputSize;
            if (model.Labels.Count != classes)
            {
                problems.Add(new("labels", Invariant($"none or one per output neuron of the last layer ({classes})"), Invariant($"{model.Labels.Count}")));
            }
        }
    }

    private static string EnumText<T>(T value)
        where T : struct, Enum
        => EnumNames.Of(value);
}
