using System.Runtime;

namespace Spiking.Edge.Trainer.Training;

/// <summary>
/// Keeps the garbage collector out of a stretch of TorchSharp calls. TorchSharp itself creates temporary
/// <see cref="TorchSharp.Scalar"/> objects (for example <c>a.add(b)</c> passes an implicit alpha of 1, and Adam's step
/// does the same) and never disposes them; once such a call has read the scalar's handle, a garbage collection
/// triggered on another thread may let the finalizer free the native scalar while libtorch still reads it — a crash
/// ("toFloat … Expected false to be true") after hours of training. <see cref="Functional.Scalars"/> covers our own
/// calls; this guard covers TorchSharp's: it opens a no-GC region (<see cref="GC.TryStartNoGCRegion(long)"/>) for the
/// forward pass, backward pass and optimizer step, and closes it afterwards. If the stretch allocates more than the
/// budget, the runtime collects and leaves the region early, which is the old behaviour, not an error.
/// </summary>
internal readonly struct NativeCallGuard : IDisposable
{
    /// <summary>Managed bytes a guarded stretch may allocate without a collection (a training step allocates well under 1 MB).</summary>
    public const long BudgetBytes = 64L * 1024 * 1024;

    private readonly bool started;

    private NativeCallGuard(bool started) => this.started = started;

    /// <summary>Opens a region unless one is already open (regions do not nest).</summary>
    public static NativeCallGuard Enter()
    {
        if (GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
        {
            return new NativeCallGuard(false);
        }

        try
        {
            return new NativeCallGuard(GC.TryStartNoGCRegion(BudgetBytes));
        }
        catch (InvalidOperationException)
        {
            return new NativeCallGuard(false);
        }
    }

    /// <summary>Closes the region if this guard opened it and the runtime has not already left it.</summary>
    public void Dispose()
    {
        if (started && GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
        {
            try
            {
                GC.EndNoGCRegion();
            }
            catch (InvalidOperationException)
            {
                // The runtime left the region on its own (budget exceeded); nothing to close.
            }
        }
    }
}
