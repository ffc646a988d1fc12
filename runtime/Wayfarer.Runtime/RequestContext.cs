using System.Collections.Immutable;

namespace Wayfarer.Runtime;

/// <summary>Ambient key/value pairs that flow with grain calls: set them before a call and the callee (and every
/// call it makes in turn) sees them.</summary>
/// <remarks>Values flow with the async control flow (like <see cref="AsyncLocal{T}"/>); a callee's changes do not flow
/// back to the caller. Values should be immutable (strings, numbers, ids): they are not copied.</remarks>
public static class RequestContext
{
    private const string CallChainReentrancyKey = "wayfarer.callChainReentrancy";
    private static readonly AsyncLocal<ImmutableDictionary<string, object>?> s_values = new();

    /// <summary>Every key currently set.</summary>
    public static IEnumerable<string> Keys => s_values.Value?.Keys ?? [];

    /// <summary>Gets a value, or null.</summary>
    public static object? Get(string key) => s_values.Value is { } values && values.TryGetValue(key, out var value) ? value : null;

    /// <summary>Sets a value for the current flow and the calls it makes.</summary>
    public static void Set(string key, object value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        s_values.Value = (s_values.Value ?? ImmutableDictionary<string, object>.Empty.WithComparers(StringComparer.Ordinal)).SetItem(key, value);
    }

    /// <summary>Removes a value; returns whether it was set.</summary>
    public static bool Remove(string key)
    {
        if (s_values.Value is not { } values || !values.ContainsKey(key))
        {
            return false;
        }

        s_values.Value = values.Remove(key);
        return true;
    }

    /// <summary>Removes every value.</summary>
    public static void Clear() => s_values.Value = null;

    /// <summary>Lets calls made in this scope re-enter any grain already waiting on the same call chain (A→B→A),
    /// instead of failing with <see cref="DeadlockException"/>. Dispose to end the scope.</summary>
    public static IDisposable AllowCallChainReentrancy()
    {
        var previous = s_values.Value;
        Set(CallChainReentrancyKey, true);
        return new Scope(previous);
    }

    internal static bool IsCallChainReentrancyAllowed => Get(CallChainReentrancyKey) is true;

    internal static ImmutableDictionary<string, object>? Snapshot => s_values.Value;

    internal static void Restore(ImmutableDictionary<string, object>? values) => s_values.Value = values;

    private sealed class Scope(ImmutableDictionary<string, object>? previous) : IDisposable
    {
        public void Dispose() => s_values.Value = previous;
    }
}
