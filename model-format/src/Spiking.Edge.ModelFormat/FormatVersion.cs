using Spiking.Edge.ModelFormat.Proto;
using Spiking.Edge.Runtime;
using static System.FormattableString;

namespace Spiking.Edge.ModelFormat;

/// <summary>
/// Which minor version a model needs (spec/wire-format.md §2): 1 when any layer uses a format-1.1 field, else 0.
/// The one definition of "uses a 1.1 feature", shared by <see cref="ModelWriter"/> (which minor to write) and
/// <see cref="ModelValidator"/> (a file marked 1.0 must not use one).
/// </summary>
internal static class FormatVersion
{
    /// <summary>The newest minor version this library reads and writes.</summary>
    public const uint LatestMinor = Semantics.FormatMinor;

    /// <summary>The minor version <paramref name="model"/> needs: 1 when a layer uses a 1.1 field, else 0.</summary>
    public static uint RequiredMinor(Model model) => FirstMinor1Field(model) == null ? 0u : 1u;

    /// <summary>
    /// The first 1.1 field used by any layer, in layer order and then field-number order: its path
    /// (<c>layers[1].decay</c>) and its value as text; null when the model is a format-1.0 model.
    /// </summary>
    public static (string Field, string Found)? FirstMinor1Field(Model model)
    {
        for (int l = 0; l < model.Layers.Count; l++)
        {
            if (FirstMinor1Field(model.Layers[l]) is (string field, string found))
            {
                return (Invariant($"layers[{l}].{field}"), found);
            }
        }

        return null;
    }

    /// <summary>
    /// The first 1.1 field <paramref name="layer"/> uses, in field-number order (its .proto name and value), or
    /// null: neuron SRC, reset GATE, a non-zero <c>decay</c>, <c>current_shift</c>, <c>refractory_ticks</c>,
    /// <c>activation</c>, <c>negative_slope</c>, <c>output</c> or <c>reset_scope</c>; a non-empty
    /// <c>refractory_gain</c>, <c>inhibition</c> or <c>membrane_floor</c>; a present <c>output_table</c>,
    /// <c>recurrent_weights</c> or <c>src</c>.
    /// </summary>
    public static (string Field, string Found)? FirstMinor1Field(Layer layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        return layer switch
        {
            { Neuron: NeuronModel.Src } => ("neuron", EnumNames.Of(layer.Neuron)),
            { Reset: ResetMode.Gate } => ("reset", EnumNames.Of(layer.Reset)),
            { Decay: not 0 } => ("decay", Invariant($"{layer.Decay}")),
            { CurrentShift: not 0 } => ("current_shift", Invariant($"{layer.CurrentShift}")),
            { RefractoryTicks: not 0 } => ("refractory_ticks", Invariant($"{layer.RefractoryTicks}")),
            { RefractoryGain.Count: > 0 } => ("refractory_gain", Entries(layer.RefractoryGain.Count)),
            { Inhibition.Count: > 0 } => ("inhibition", Entries(layer.Inhibition.Count)),
            { MembraneFloor.Count: > 0 } => ("membrane_floor", Entries(layer.MembraneFloor.Count)),
            { Activation: not StateActivation.Unspecified } => ("activation", EnumNames.Of(layer.Activation)),
            { NegativeSlope: not 0 } => ("negative_slope", Invariant($"{layer.NegativeSlope}")),
            { Output: not OutputKind.Unspecified } => ("output", EnumNames.Of(layer.Output)),
            { OutputTable: not null } => ("output_table", "a lookup table"),
            { ResetScope: not ResetScope.Unspecified } => ("reset_scope", EnumNames.Of(layer.ResetScope)),
            { RecurrentWeights: not null } => ("recurrent_weights", "a weights message"),
            { Src: not null } => ("src", "SRC parameters"),
            _ => null,
        };
    }

    private static string Entries(int count) => Invariant($"{count} entries");
}
