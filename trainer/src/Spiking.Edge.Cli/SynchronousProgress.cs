namespace Spiking.Edge.Cli;

/// <summary>An IProgress that reports on the caller's thread at once (Progress&lt;T&gt; posts to the thread pool, which reorders output).</summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
