using Spiking.Edge.Devices.Transforms;

namespace Spiking.Edge.Trainer.Data;

/// <summary>
/// The trainer's view of a <c>--transform</c> specification (the syntax of <see cref="TransformSpec"/>): one normalised
/// text per meaning, so that a checkpoint or model file can record it and a later run can compare its own against it.
/// </summary>
public static class EventTransformSpec
{
    /// <summary>
    /// The normalised form of <paramref name="spec"/>: blanks around elements and their parts removed, lower case
    /// (names and options are case-insensitive), elements joined by ",". Null stays null. The text is not checked
    /// here; <see cref="TransformSpec.Parse"/> checks it against a geometry.
    /// </summary>
    /// <param name="spec">A transform specification, e.g. <c>" Crop:128x128 , downsample:34x34"</c>.</param>
    /// <returns>E.g. <c>crop:128x128,downsample:34x34</c>.</returns>
    public static string? Normalize(string? spec) =>
        spec is null
            ? null
            : string.Join(',', spec.Split(',').Select(element => string.Join(':', element.Split(':').Select(part => part.Trim().ToLowerInvariant()))));
}
