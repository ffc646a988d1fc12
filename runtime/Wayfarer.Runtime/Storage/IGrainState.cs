namespace Wayfarer.Runtime.Storage;

/// <summary>The state record a storage provider reads into and writes from.</summary>
/// <typeparam name="T">The state type.</typeparam>
public interface IGrainState<T>
{
    /// <summary>The state value.</summary>
    T State { get; set; }

    /// <summary>The ETag of the stored version this value came from; null when nothing was ever stored.</summary>
    string? ETag { get; set; }

    /// <summary>Whether a record exists in storage (false after a clear or before the first write).</summary>
    bool RecordExists { get; set; }
}
