namespace Spiking.Edge.Host.Running;

/// <summary>
/// Turns the first Ctrl+C into a cancellation (the run stops cleanly and prints its summary); a second Ctrl+C ends the
/// process as usual. Dispose to unhook.
/// </summary>
public sealed class ConsoleCancellation : IDisposable
{
    private readonly CancellationTokenSource _source = new();

    /// <summary>Hooks <see cref="Console.CancelKeyPress"/>.</summary>
    public ConsoleCancellation()
    {
        Console.CancelKeyPress += OnCancelKeyPress;
    }

    /// <summary>Cancelled by the first Ctrl+C.</summary>
    public CancellationToken Token => _source.Token;

    /// <summary>Unhooks the handler.</summary>
    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancelKeyPress;
        _source.Dispose();
    }

    private void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e)
    {
        if (_source.IsCancellationRequested)
        {
            return;
        }

        e.Cancel = true;
        _source.Cancel();
    }
}
