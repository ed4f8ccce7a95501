using Spiking.Edge.Runtime.Neurons;

namespace Spiking.Edge.Runtime.Format
{
    /// <summary>The per-neuron rules of a layer (semantics.md §4.1–§4.3, format 1.1 validation rules).</summary>
    internal static partial class ModelLoader
    {
        /// <summary>
        /// leak_shift ≤ 24; decay ≤ 65535 and never with leak_shift; current_shift ≤ 24. An SRC layer has none of the
        /// three (its input integrator decays by src.input_decay).
        /// </summary>
        private static void CheckLeakAndCurrent(LayerScan scan, LayerDescriptor layer)
        {
            CheckRange(scan.Values[LayerLeakShift], 0, Semantics.MaxLeakShift, scan.OffsetOf(LayerLeakShift), LayerLeakShift);
            CheckRange(scan.Values[LayerDecay], 0, Semantics.MaxDecay, scan.OffsetOf(LayerDecay), LayerDecay);
            CheckRange(scan.Values[LayerCurrentShift], 0, Semantics.MaxCurrentShift, scan.OffsetOf(LayerCurrentShift), LayerCurrentShift);
            if (layer.Neuron == NeuronModel.Src)
            {
                RejectIfSet(scan, LayerLeakShift);
                RejectIfSet(scan, LayerDecay);
                RejectIfSet(scan, LayerCurrentShift);
            }
            else if (scan.Values[LayerDecay] != 0 && scan.Values[LayerLeakShift] != 0)
            {
                NotAllowed(scan, LayerDecay);
            }

            layer.LeakShift = (int)scan.Values[LayerLeakShift];
            layer.Decay = (int)scan.Values[LayerDecay];
            layer.CurrentShift = (int)scan.Values[LayerCurrentShift];
        }

        /// <summary>
        /// A LIF layer: BINARY (reset ZERO, SUBTRACT, NONE or GATE; comparison set; no output table) or GRADED (output
        /// table; reset ZERO, NONE or GATE; comparison unset); thresholds one per neuron; refractory, inhibition,
        /// floor, activation and reset scope within their limits; no SRC parameters.
        /// </summary>
        private static void CheckLif(LayerScan scan, LayerDescriptor layer)
        {
            int size = layer.OutputSize;
            CheckRange(scan.Values[LayerOutput], (long)OutputKind.Unspecified, (long)OutputKind.Graded, scan.OffsetOf(LayerOutput), LayerOutput);
            ulong reset = scan.Values[LayerReset];
            bool graded = scan.Values[LayerOutput] == (ulong)OutputKind.Graded;
            if (graded)
            {
                if (reset != (ulong)ResetMode.Zero && reset != (ulong)ResetMode.None && reset != (ulong)ResetMode.Gate)
                {
                    throw new ModelFormatException(ModelErrorCode.ValueOutOfRange, scan.OffsetOf(LayerReset), LayerReset);
                }

                CheckRange(scan.Values[LayerComparison], 0, 0, scan.OffsetOf(LayerComparison), LayerComparison);
                RequireCount(scan.Counts[LayerThreshold], size, scan.OffsetOf(LayerThreshold), LayerThreshold);
                if (!scan.Has(LayerOutputTable))
                {
                    throw new ModelFormatException(ModelErrorCode.MissingField, scan.LayerTag, LayerOutputTable);
                }
            }
            else
            {
                CheckRange(reset, (long)ResetMode.Zero, (long)ResetMode.Gate, scan.OffsetOf(LayerReset), LayerReset);
                CheckRange(scan.Values[LayerComparison], (long)ThresholdComparison.GreaterOrEqual, (long)ThresholdComparison.Greater, scan.OffsetOf(LayerComparison), LayerComparison);
                RequireCount(scan.Counts[LayerThreshold], size, scan.OffsetOf(LayerThreshold), LayerThreshold);
                RejectIfSet(scan, LayerOutputTable);
            }

            CheckRange(scan.Values[LayerRefractoryTicks], 0, Semantics.MaxRefractoryTicks, scan.OffsetOf(LayerRefractoryTicks), LayerRefractoryTicks);
            if (scan.Counts[LayerRefractoryGain] > Semantics.MaxRefractoryTicks)
            {
                throw new ModelFormatException(ModelErrorCode.ValueOutOfRange, scan.OffsetOf(LayerRefractoryGain), LayerRefractoryGain);
            }

            RequireEmptyOrSize(scan, LayerInhibition, size);
            RequireEmptyOrSize(scan, LayerMembraneFloor, size);
            CheckRange(scan.Values[LayerActivation], (long)StateActivation.Unspecified, (long)StateActivation.LeakyRelu, scan.OffsetOf(LayerActivation), LayerActivation);
            CheckRange(scan.Values[LayerNegativeSlope], 0, Semantics.OneQ16, scan.OffsetOf(LayerNegativeSlope), LayerNegativeSlope);
            if (scan.Values[LayerActivation] != (ulong)StateActivation.LeakyRelu)
            {
                RejectIfSet(scan, LayerNegativeSlope);
            }

            CheckRange(scan.Values[LayerResetScope], (long)ResetScope.Unspecified, (long)ResetScope.Layer, scan.OffsetOf(LayerResetScope), LayerResetScope);
            if (scan.Values[LayerResetScope] == (ulong)ResetScope.Layer && reset != (ulong)ResetMode.Zero && reset != (ulong)ResetMode.Gate)
            {
                NotAllowed(scan, LayerResetScope);
            }

            RejectIfSet(scan, LayerSrc);

            layer.Output = graded ? OutputKind.Graded : OutputKind.Binary;
            layer.Reset = (ResetMode)(int)reset;
            layer.Comparison = (ThresholdComparison)(int)scan.Values[LayerComparison];
            layer.RefractoryTicks = (int)scan.Values[LayerRefractoryTicks];
            layer.Activation = (StateActivation)(int)scan.Values[LayerActivation];
            layer.NegativeSlope = (int)scan.Values[LayerNegativeSlope];
            layer.ResetScope = scan.Values[LayerResetScope] == (ulong)ResetScope.Layer ? ResetScope.Layer : ResetScope.Neuron;
        }

        /// <summary>
        /// A leaky integrator or SRC layer: no reset, comparison or threshold (as a format-1.0 leaky integrator), none
        /// of the LIF-only fields; a leaky integrator has no recurrent weights; SRC parameters present iff SRC.
        /// </summary>
        private static void CheckNonLif(LayerScan scan, LayerDescriptor layer)
        {
            CheckRange(scan.Values[LayerReset], 0, 0, scan.OffsetOf(LayerReset), LayerReset);
            CheckRange(scan.Values[LayerComparison], 0, 0, scan.OffsetOf(LayerComparison), LayerComparison);
            RequireCount(scan.Counts[LayerThreshold], 0, scan.OffsetOf(LayerThreshold), LayerThreshold);
            for (int f = LayerRefractoryTicks; f <= LayerResetScope; f++)
            {
                RejectIfSet(scan, f);
            }

            if (layer.Neuron == NeuronModel.Src)
            {
                if (!scan.Has(LayerSrc))
                {
                    throw new ModelFormatException(ModelErrorCode.MissingField, scan.LayerTag, LayerSrc);
                }

                layer.Output = OutputKind.Graded;
            }
            else
            {
                RejectIfSet(scan, LayerRecurrentWeights);
                RejectIfSet(scan, LayerSrc);
                layer.Output = OutputKind.Unspecified;
            }

            layer.ResetScope = ResetScope.Neuron;
        }

        /// <summary>Refuses <paramref name="field"/> when it is non-zero, non-empty or present.</summary>
        private static void RejectIfSet(LayerScan scan, int field)
        {
            if (scan.IsSet(field))
            {
                NotAllowed(scan, field);
            }
        }

        /// <summary>A per-neuron option array: empty or exactly one entry per neuron.</summary>
        private static void RequireEmptyOrSize(LayerScan scan, int field, int size)
        {
            if (scan.Counts[field] != 0)
            {
                RequireCount(scan.Counts[field], size, scan.OffsetOf(field), field);
            }
        }
    }
}
