namespace Spiking.Edge.Devices.Transforms;

/// <summary>
/// Records a model's input transform in the free-text provenance notes of the model file (format 1.x has no field of
/// its own for it) as one "; "-separated part, <c>transform: SPEC</c> or <c>transform: none</c>, and reads it back, so
/// that evaluating a model file re-applies the transform it was trained with.
/// </summary>
public static class TransformProvenance
{
    private const string Prefix = "transform: ";
    private const string None = "none";

    /// <summary>The notes part for <paramref name="transform"/> (a normalised spec, or null for none).</summary>
    /// <param name="transform">The spec, e.g. <c>downsample:34x34</c>, or null.</param>
    /// <returns>E.g. <c>transform: downsample:34x34</c>.</returns>
    public static string Note(string? transform) => Prefix + (transform ?? None);

    /// <summary>Finds the transform recorded in <paramref name="notes"/>.</summary>
    /// <param name="notes">A model file's provenance notes.</param>
    /// <param name="transform">The recorded spec, or null when the model was trained without one.</param>
    /// <returns>False when the notes record nothing (a file written before transforms were recorded).</returns>
    public static bool TryRead(string? notes, out string? transform)
    {
        transform = null;
        foreach (string part in (notes ?? string.Empty).Split("; "))
        {
            if (part.StartsWith(Prefix, StringComparison.Ordinal))
            {
                string spec = part[Prefix.Length..].Trim();
                transform = spec == None ? null : spec;
                return true;
            }
        }

        return false;
    }
}
