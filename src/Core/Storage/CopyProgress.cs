namespace Antq.Core.Storage;

/// <summary>
/// A step of <see cref="DatabaseCopy"/> reported as soon as it is done, on the copy's own thread
/// (<see cref="Progress{T}"/> would post it to the thread pool, to arrive later and out of order with other output).
/// </summary>
public sealed class CopyProgress(Action<string> report) : IProgress<string>
{
    public void Report(string value) => report(value);
}
