using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;
using Wayfarer.Runtime.Serialization;
using Wayfarer.Runtime.Storage;

namespace Wayfarer.Runtime.Postgres;

/// <summary>An <see cref="IGrainStorage"/> over the PostgreSQL table <c>grain_state</c> (created by
/// <c>0001_runtime.sql</c>), with state stored as <c>jsonb</c>.</summary>
/// <remarks>
/// <para>A record is the row keyed by service id, grain type, grain key and state name. The ETag is the row's
/// <c>version</c> in decimal text: 1 on the first write, plus one on every write or clear.</para>
/// <para>Every operation is one parameterised SQL statement, so it is atomic without an explicit transaction.
/// A write or clear with a null ETag inserts the row only if none exists (<c>ON CONFLICT DO NOTHING</c>): of
/// concurrent first writers exactly one wins. A write or clear with ETag <c>n</c> updates the row only where
/// <c>version = n</c>: of concurrent writers naming the same ETag exactly one wins. The losers, and any writer
/// naming a stale, missing or malformed ETag, get <see cref="InconsistentStateException"/> and the row is left
/// unchanged; the exception's <see cref="InconsistentStateException.StoredEtag"/> comes from a follow-up read and
/// is diagnostic only.</para>
/// <para>A clear keeps the row as a tombstone (<c>payload</c> NULL, next version), so an ETag seen before the
/// clear never matches again. A missing row reads as <see cref="IGrainState{T}.RecordExists"/> false, a null ETag
/// and a new state; a tombstone reads the same but with its ETag. A new state is <c>""</c> for
/// <see cref="string"/>, an empty array for arrays, <c>default</c> for value types and the parameterless
/// constructor's result otherwise; a stored JSON <c>null</c> also reads as a new state.</para>
/// <para>PostgreSQL cannot store the character U+0000 in <c>text</c> or <c>jsonb</c>: grain keys, state names and
/// state strings containing it fail with a <see cref="PostgresException"/>. <c>jsonb</c> also drops duplicate
/// object keys and does not keep key order, neither of which the state serializer produces or relies on.</para>
/// <para>Safe for concurrent use. Owns one <see cref="NpgsqlDataSource"/> (a connection pool), released on
/// disposal.</para>
/// </remarks>
public sealed partial class PostgresGrainStorage : IGrainStorage, IAsyncDisposable, IDisposable
{
    private const string Key = "service_id = $1 AND grain_type = $2 AND grain_key = $3 AND state_name = $4";

    private const string ReadSql = $"SELECT version, payload FROM grain_state WHERE {Key}";

    private const string VersionSql = $"SELECT version FROM grain_state WHERE {Key}";

    private const string InsertSql = """
        INSERT INTO grain_state (service_id, grain_type, grain_key, state_name, version, payload, modified_at)
        VALUES ($1, $2, $3, $4, 1, $5, now())
        ON CONFLICT (service_id, grain_type, grain_key, state_name) DO NOTHING
        RETURNING version
        """;

    private const string UpdateSql = $"""
        UPDATE grain_state SET payload = $5, version = version + 1, modified_at = now()
        WHERE {Key} AND version = $6
        RETURNING version
        """;

    private readonly NpgsqlDataSource _dataSource;
    private readonly JsonSerializerOptions _serializerOptions;
    private readonly ILogger _logger;

    /// <summary>Creates the provider and its connection pool; opens no connection yet.</summary>
    /// <param name="name">The provider name, for messages.</param>
    /// <param name="serviceId">The service id written into every row.</param>
    /// <param name="options">The provider's options; <see cref="PostgresGrainStorageOptions.ServiceId"/> is not read.</param>
    /// <param name="logger">The logger; null logs nothing.</param>
    public PostgresGrainStorage(string name, string serviceId, PostgresGrainStorageOptions options, ILogger<PostgresGrainStorage>? logger = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(serviceId);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.ConnectionString);
        Name = name;
        ServiceId = serviceId;
        _serializerOptions = options.SerializerOptions ?? GrainJson.Default;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _dataSource = PostgresConnections.Create(options.ConnectionString);
    }

    /// <summary>The provider name.</summary>
    public string Name { get; }

    /// <summary>The service id written into every row.</summary>
    public string ServiceId { get; }

    /// <inheritdoc />
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        Validate(stateName, grainId, grainState);
        long? version = null;
        string? payload = null;
        await using (var command = CreateCommand(ReadSql, grainId, stateName))
        {
            var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                if (await reader.ReadAsync().ConfigureAwait(false))
                {
                    version = reader.GetInt64(0);
                    payload = reader.IsDBNull(1) ? null : reader.GetString(1);
                }
            }
        }

        grainState.State = payload is null
            ? MemoryGrainStorage.NewState<T>()
            : JsonSerializer.Deserialize<T>(payload, _serializerOptions) ?? MemoryGrainStorage.NewState<T>();
        grainState.ETag = version is { } v ? MemoryGrainStorage.FormatETag(v) : null;
        grainState.RecordExists = payload is not null;
    }

    /// <inheritdoc />
    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        Validate(stateName, grainId, grainState);
        var payload = JsonSerializer.Serialize(grainState.State, _serializerOptions);
        var version = await StoreAsync(stateName, grainId, grainState.ETag, payload).ConfigureAwait(false);
        grainState.ETag = MemoryGrainStorage.FormatETag(version);
        grainState.RecordExists = true;
    }

    /// <inheritdoc />
    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        Validate(stateName, grainId, grainState);
        var version = await StoreAsync(stateName, grainId, grainState.ETag, payload: null).ConfigureAwait(false);
        grainState.ETag = MemoryGrainStorage.FormatETag(version);
        grainState.RecordExists = false;
        grainState.State = MemoryGrainStorage.NewState<T>();
    }

    /// <summary>Releases the connection pool.</summary>
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    /// <summary>Releases the connection pool.</summary>
    public void Dispose() => _dataSource.Dispose();

    private async Task<long> StoreAsync(string stateName, GrainId grainId, string? eTag, string? payload)
    {
        long? expected = null;
        if (eTag is not null)
        {
            expected = MemoryGrainStorage.ParseETag(eTag);
            if (expected is null)
            {
                throw await ConflictAsync(stateName, grainId, eTag, "is not a valid ETag").ConfigureAwait(false);
            }
        }

        await using (var command = CreateCommand(expected is null ? InsertSql : UpdateSql, grainId, stateName))
        {
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = (object?)payload ?? DBNull.Value });
            if (expected is { } version)
            {
                command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = version });
            }

            if (await command.ExecuteScalarAsync().ConfigureAwait(false) is long newVersion)
            {
                return newVersion;
            }
        }

        throw await ConflictAsync(stateName, grainId, eTag, "does not match the stored record").ConfigureAwait(false);
    }

    private async Task<InconsistentStateException> ConflictAsync(string stateName, GrainId grainId, string? eTag, string reason)
    {
        string? stored;
        await using (var command = CreateCommand(VersionSql, grainId, stateName))
        {
            stored = await command.ExecuteScalarAsync().ConfigureAwait(false) is long version ? MemoryGrainStorage.FormatETag(version) : null;
        }

        LogConflict(_logger, Name, grainId.Type, stateName, eTag, stored);
        return new InconsistentStateException(
            $"ETag '{eTag ?? "(none)"}' for state '{stateName}' of grain '{grainId}' in service '{ServiceId}' {reason}; stored ETag is '{stored ?? "(none)"}'.",
            stored,
            eTag)
        {
            GrainId = grainId,
            StateName = stateName,
        };
    }

    private NpgsqlCommand CreateCommand(string sql, GrainId grainId, string stateName)
    {
        var command = _dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = ServiceId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = grainId.Type });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = grainId.Key });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = stateName });
        return command;
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
}
