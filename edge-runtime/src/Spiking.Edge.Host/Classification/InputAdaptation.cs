using Spiking.Edge.Devices.Transforms;
using Spiking.Edge.Runtime.Events.Transforms;

namespace Spiking.Edge.Host.Classification;

/// <summary>
/// How the source's events are fitted to the model's input: the <c>--transform</c> pipeline, or by default a
/// downsampling when the source geometry differs from the model's, or nothing.
/// </summary>
public sealed class InputAdaptation
{
    private InputAdaptation(IEventTransform? transform, string description)
    {
        Transform = transform;
        Description = description;
    }

    /// <summary>The transform to run on every chunk before segmentation, or null.</summary>
    public IEventTransform? Transform { get; }

    /// <summary>One line saying what is done and why.</summary>
    public string Description { get; }

    /// <summary>Chooses the adaptation.</summary>
    /// <param name="transformSpec">The <c>--transform</c> value, or null for the default.</param>
    /// <param name="sourceWidth">Source width (0 = not stated by the source).</param>
    /// <param name="sourceHeight">Source height (0 = not stated).</param>
    /// <param name="modelWidth">The model's input width.</param>
    /// <param name="modelHeight">The model's input height.</param>
    /// <param name="fromModel">True when <paramref name="transformSpec"/> is the transform recorded in the model file's
    /// provenance (the one it was trained with) rather than a <c>--transform</c> value: messages say so.</param>
    /// <returns>The adaptation.</returns>
    /// <exception cref="TransformSpecException">The <c>--transform</c> value is malformed (one line naming the element).</exception>
    /// <exception cref="HostOptionException"><c>--transform</c> is given for a source of unknown geometry, or does not end at the model's geometry.</exception>
    public static InputAdaptation Resolve(string? transformSpec, int sourceWidth, int sourceHeight, int modelWidth, int modelHeight, bool fromModel = false)
    {
        bool known = sourceWidth > 0 && sourceHeight > 0;
        if (transformSpec is not null)
        {
            string what = fromModel ? $"the model's recorded transform \"{transformSpec}\"" : $"--transform \"{transformSpec}\"";
            string hint = fromModel ? " (give --transform to override it)" : string.Empty;
            if (!known)
            {
                throw new HostOptionException("--transform", $"{what} needs the source geometry, and this source does not state it{hint}");
            }

            EventPipeline pipeline;
            try
            {
                pipeline = TransformSpec.Parse(transformSpec, sourceWidth, sourceHeight);
            }
            catch (TransformSpecException e) when (fromModel)
            {
                throw new HostOptionException("--transform", $"{what} does not fit the {sourceWidth} x {sourceHeight} source: {e.Message}{hint}");
            }

            if (pipeline.OutputWidth != modelWidth || pipeline.OutputHeight != modelHeight)
            {
                throw new HostOptionException(
                    "--transform",
                    $"{what} turns the {sourceWidth} x {sourceHeight} source into {pipeline.OutputWidth} x {pipeline.OutputHeight}; the model's input is {modelWidth} x {modelHeight}{hint}");
            }

            return new InputAdaptation(pipeline, $"{what}: {sourceWidth} x {sourceHeight} -> {modelWidth} x {modelHeight}");
        }

        if (!known)
        {
            return new InputAdaptation(null, $"the source does not state its geometry; events are used as they are (outside {modelWidth} x {modelHeight} they are counted and dropped)");
        }

        if (sourceWidth == modelWidth && sourceHeight == modelHeight)
        {
            return new InputAdaptation(null, $"source {sourceWidth} x {sourceHeight} = model input; no transform");
        }

        int width = Math.Min(sourceWidth, modelWidth);
        int height = Math.Min(sourceHeight, modelHeight);
        if (width == sourceWidth && height == sourceHeight)
        {
            return new InputAdaptation(null, $"source {sourceWidth} x {sourceHeight} fits inside the {modelWidth} x {modelHeight} model input; events are used as they are");
        }

        var downsample = new SpatialDownsample(sourceWidth, sourceHeight, width, height, 1);
        return new InputAdaptation(
            downsample,
            $"downsample {sourceWidth} x {sourceHeight} -> {width} x {height} (default: the source geometry differs from the model's {modelWidth} x {modelHeight}; --transform overrides)");
    }
}
