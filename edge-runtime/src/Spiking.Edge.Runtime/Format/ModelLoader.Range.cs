namespace Spiking.Edge.Runtime.Format
{
    /// <summary>The range rule of semantics.md §4.5, which keeps every drive and integration within 32 bits.</summary>
    internal static partial class ModelLoader
    {
        /// <summary>
        /// With Y1 the full scale of a layer's outputs (1 BINARY, 128 GRADED or SRC, 0 leaky integrator):
        /// <c>A_l = MAX_EVENTS_PER_TICK</c> for the first layer, else <c>input_size × Y1_{l−1}</c>;
        /// <c>B_l = output_size × Y1_l</c> with recurrent weights, else 0; refused unless
        /// <c>127 × (A_l + B_l) ≤ 2^30</c>. <paramref name="previousFullScale"/> is −1 for the first layer.
        /// The fault is named at input_size when A_l alone breaks the bound, else at recurrent_weights.
        /// </summary>
        private static void CheckDriveRange(LayerScan scan, int previousFullScale)
        {
            LayerDescriptor layer = scan.Layer;
            long a = previousFullScale < 0 ? Semantics.MaxEventsPerTick : (long)layer.InputSize * previousFullScale;
            long b = layer.RecurrentWeights != null ? (long)layer.OutputSize * layer.FullScale : 0;
            if (Semantics.MaxWeightMagnitude * a > Semantics.DriveLimit)
            {
                throw new ModelFormatException(ModelErrorCode.DriveRangeExceeded, scan.OffsetOf(LayerInputSize), LayerInputSize);
            }

            if (Semantics.MaxWeightMagnitude * (a + b) > Semantics.DriveLimit)
            {
                throw new ModelFormatException(ModelErrorCode.DriveRangeExceeded, scan.OffsetOf(LayerRecurrentWeights), LayerRecurrentWeights);
            }
        }
    }
}
