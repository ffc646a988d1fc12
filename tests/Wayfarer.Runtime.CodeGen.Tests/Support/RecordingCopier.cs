using Wayfarer.Runtime.Invocation;

namespace Wayfarer.Runtime.CodeGen.Tests.Support;

/// <summary>A copier that records what it was asked to copy and returns each value as it is.</summary>
internal sealed class RecordingCopier : IDeepCopier
{
    public List<object?> Copied { get; } = [];

    public T Copy<T>(T value)
    {
        Copied.Add(value);
        return value;
    }
}
