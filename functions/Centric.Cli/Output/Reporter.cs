namespace Centric.Cli.Output;

/// <summary>An <see cref="IProgress{T}"/> that reports on the calling thread (the framework's posts to a context).</summary>
internal sealed class Reporter<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
