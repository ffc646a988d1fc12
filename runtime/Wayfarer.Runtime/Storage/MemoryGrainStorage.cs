using System.Globalization;
using System.Text.Json;
using Wayfarer.Runtime.Serialization;

namespace Wayfarer.Runtime.Storage;

/// <summary>An in-memory <see cref="IGrainStorage"/> for tests and development, with the same semantics as the
/// PostgreSQL provider.</summary>
/// <remarks>
/// <para>State is stored as serialized JSON (with <see cref="GrainJson.Default"/> unless other options are given),
/// so a read yields a copy: a grain mutating its state after a write never changes what is stored, and old data
/// read with a newer state type behaves as it does from PostgreSQL.</para>
/// <para>ETags are the record's version in decimal text: 1 for the first write, plus one for every write or
/// clear. A clear leaves a tombstone (no payload, next version) so an ETag seen before the clear never matches
/// again. A missing record reads as <see cref="IGrainState{T}.RecordExists"/> false, a null ETag and a new
/// state; a tombstone reads the same but with the tombstone's ETag.</para>
/// <para>A new state is <c>""</c> for <see cref="string"/>, an empty array for array types, <c>default</c> for
/// value types and the parameterless constructor's result otherwise; a stored JSON <c>null</c> also reads as a
/// new state.</para>
/// <para>Safe for concurrent use: each operation is atomic, and of concurrent writers naming the same ETag
/// exactly one succeeds. Records live as long as this instance; nothing is shared between instances.</para>
/// </remarks>
public sealed class MemoryGrainStorage : IGrainStorage
{
    private readonly Dictionary<(string GrainType, string GrainKey, string StateName), StoredRecord> _records = [];
    private readonly Lock _lock = new();
    private readonly JsonSerializerOptions _serializerOptions;

    /// <summary>Creates an empty store.</summary>
    /// <param name="serviceId">The service id the records belong to (see <see cref="Hosting.ClusterOptions.ServiceId"/>).</param>
    /// <param name="serializerOptions">The JSON options for state; null selects <see cref="GrainJson.Default"/>.</param>
    public MemoryGrainStorage(string serviceId, JsonSerializerOptions? serializerOptions = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(serviceId);
        ServiceId = serviceId;
        _serializerOptions = serializerOptions ?? GrainJson.Default;
    }

    /// <summary>The service id the records belong to.</summary>
    public string ServiceId { get; }

    /// <inheritdoc />
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        Validate(stateName, grainId, grainState);
        try
        {
            StoredRecord? record;
            lock (_lock)
            {
                record = _records.GetValueOrDefault((grainId.Type, grainId.Key, stateName));
            }

            var payload = record?.Payload;
            grainState.State = payload is null ? NewState<T>() : Deserialize<T>(payload);
            grainState.ETag = record is null ? null : FormatETag(record.Version);
            grainState.RecordExists = payload is not null;
            return Task.CompletedTask;
        }
        catch (Exception exception)
        {
            return Task.FromException(exception);
        }
    }

    /// <inheritdoc />
    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        Validate(stateName, grainId, grainState);
        try
        {
            var payload = JsonSerializer.Serialize(grainState.State, _serializerOptions);
            grainState.ETag = FormatETag(Store(stateName, grainId, grainState.ETag, payload));
            grainState.RecordExists = true;
            return Task.CompletedTask;
        }
        catch (Exception exception)
        {
            return Task.FromException(exception);
        }
    }

    /// <inheritdoc />
    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        Validate(stateName, grainId, grainState);
        try
        {
            var version = Store(stateName, grainId, grainState.ETag, payload: null);
            grainState.ETag = FormatETag(version);
            grainState.RecordExists = false;
            grainState.State = NewState<T>();
            return Task.CompletedTask;
        }
        catch (Exception exception)
        {
            return Task.FromException(exception);
        }
    }

    private long Store(string stateName, GrainId grainId, string? eTag, string? payload)
    {
        var key = (grainId.Type, grainId.Key, stateName);
        var expected = eTag is null ? null : ParseETag(eTag);
        lock (_lock)
        {
            var existing = _records.GetValueOrDefault(key);
            if (eTag is not null && expected is null)
            {
                throw Conflict(grainId, stateName, eTag, existing, "is not a valid ETag");
            }

            if (existing?.Version != expected)
            {
                throw Conflict(grainId, stateName, eTag, existing, "does not match the stored record");
            }

            var version = (existing?.Version ?? 0) + 1;
            _records[key] = new StoredRecord(version, payload);
            return version;
        }
    }

    private T Deserialize<T>(string payload) => JsonSerializer.Deserialize<T>(payload, _serializerOptions) ?? NewState<T>();

    /// <summary>Creates a new state value by the rule in the type's remarks; shared with the PostgreSQL provider.</summary>
    /// <exception cref="WayfarerException">A reference type without a public parameterless constructor.</exception>
    internal static T NewState<T>()
    {
        if (typeof(T) == typeof(string))
        {
            return (T)(object)string.Empty;
        }

        if (typeof(T).IsArray)
        {
            return (T)(object)Array.CreateInstance(typeof(T).GetElementType()!, 0);
        }

        if (typeof(T).IsValueType)
        {
            return default!;
        }

        if (typeof(T).IsAbstract || typeof(T).GetConstructor(Type.EmptyTypes) is null)
        {
            throw new WayfarerException(
                $"Grain state type '{typeof(T)}' needs a public parameterless constructor so that a missing record can read as a new state.");
        }

        return Activator.CreateInstance<T>();
    }

    /// <summary>Parses an ETag into a version; null when it is not a positive decimal integer.</summary>
    internal static long? ParseETag(string eTag) =>
        long.TryParse(eTag, NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version > 0 ? version : null;

    /// <summary>Formats a version as an ETag.</summary>
    internal static string FormatETag(long version) => version.ToString(CultureInfo.InvariantCulture);

    private InconsistentStateException Conflict(GrainId grainId, string stateName, string? eTag, StoredRecord? existing, string reason)
    {
        var storedEtag = existing is null ? null : FormatETag(existing.Version);
        return new($"ETag '{eTag ?? "(none)"}' for state '{stateName}' of grain '{grainId}' in service '{ServiceId}' {reason}; stored ETag is '{storedEtag ?? "(none)"}'.", storedEtag, eTag)
        {
            GrainId = grainId,
            StateName = stateName,
        };
    }

    private static void Validate<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentException.ThrowIfNullOrEmpty(stateName);
        ArgumentNullException.ThrowIfNull(grainState);
        if (grainId.IsDefault)
        {
            throw new ArgumentException("The grain id is the default (empty) id.", nameof(grainId));
        }
    }

    private sealed record StoredRecord(long Version, string? Payload);
}
