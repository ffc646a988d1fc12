using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;
using Wayfarer.Runtime.Membership;

namespace Wayfarer.Runtime.Redis;

/// <summary>An <see cref="IMembershipTable"/> kept in one Redis hash per cluster, <see cref="Key"/>.</summary>
/// <remarks>
/// <para>Layout: field <c>version</c> holds <c>{number}:{etag}</c>; field <c>{silo}</c> (the silo's string form
/// <c>host:port@generation</c>) holds <c>{"etag":…,"entry":{…}}</c>; field <c>alive:{silo}</c> holds the silo's
/// last heartbeat (ISO 8601). A host name starting with <c>alive:</c> is therefore refused.</para>
/// <para>Inserts and updates are Lua scripts, each atomic: an insert succeeds only if the stored version is exactly
/// <c>(version.Version - 1, version.ETag)</c>, i.e. the caller passes <see cref="TableVersion.Next"/> of what it
/// read, and the silo has no row; an update additionally needs the row's ETag to match. A success writes the row
/// with a fresh ETag and moves the version to <c>version.Version</c> with a fresh ETag (random, so an ETag never
/// matches again even if the table is lost and rebuilt). Of concurrent writers at one version exactly one wins.</para>
/// <para>A heartbeat writes only the <c>alive:</c> field of an existing row: the version and the row's ETag stay,
/// and the row reads with the later of its own <see cref="MembershipEntry.IAmAliveTime"/> and its heartbeat. A
/// heartbeat for a silo without a row is dropped (and logged).</para>
/// <para><see cref="ReadAllAsync"/> is one <c>HGETALL</c>, a consistent snapshot. A missing hash (never initialised,
/// deleted, or lost because Redis restarted empty) reads as an empty table at version 0 with ETag <c>"0"</c>, and
/// an insert at its <see cref="TableVersion.Next"/> recreates it, so silos re-register without a new
/// <see cref="InitializeAsync"/>. <see cref="CleanupDefunctSiloEntriesAsync"/> does not change the version.</para>
/// <para>Failures of Redis itself raise <see cref="RedisStoreException"/> (<see cref="WayfarerException.IsTransient"/>
/// for connection loss and timeouts). Cancellation abandons the wait, not the command. Safe for concurrent use;
/// the connection is the caller's (or the container's) to dispose.</para>
/// </remarks>
public sealed partial class RedisMembershipTable : IMembershipTable
{
    internal const string VersionField = "version";
    internal const string HeartbeatFieldPrefix = "alive:";
    private static readonly TableVersion s_initialVersion = new(0, "0");

    private readonly IDatabase _database;
    private readonly RedisKey _key;
    private readonly long _expiryMilliseconds;
    private readonly TimeSpan _operationTimeout;
    private readonly ILogger _logger;

    /// <summary>Creates the table over an existing connection; sends no command yet.</summary>
    /// <param name="connection">The connection; shared, not owned.</param>
    /// <param name="serviceId">The service id (second key segment).</param>
    /// <param name="clusterId">The cluster id (third key segment).</param>
    /// <param name="options">The options; <see cref="RedisClusteringOptions.ConnectionString"/> is not read.</param>
    /// <param name="logger">The logger; null logs nothing.</param>
    public RedisMembershipTable(IConnectionMultiplexer connection, string serviceId, string clusterId, RedisClusteringOptions options, ILogger<RedisMembershipTable>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentException.ThrowIfNullOrEmpty(serviceId);
        ArgumentException.ThrowIfNullOrEmpty(clusterId);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.KeyPrefix);
        ServiceId = serviceId;
        ClusterId = clusterId;
        Key = $"{options.KeyPrefix}:{serviceId}:{clusterId}:members";
        _key = Key;
        _database = connection.GetDatabase();
        _expiryMilliseconds = options.EntryExpiry is { } expiry ? Math.Max(1, (long)Math.Ceiling(expiry.TotalMilliseconds)) : 0;
        _operationTimeout = options.OperationTimeout;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>The service id.</summary>
    public string ServiceId { get; }

    /// <summary>The cluster id.</summary>
    public string ClusterId { get; }

    /// <summary>The Redis key of the table's hash: <c>{KeyPrefix}:{serviceId}:{clusterId}:members</c>.</summary>
    public string Key { get; }

    /// <inheritdoc />
    /// <remarks>One <c>HSETNX</c> of version 0: concurrent and repeated calls never reset an existing table.</remarks>
    public Task InitializeAsync(CancellationToken cancellationToken = default) =>
        RunAsync("Initialize", () => _database.ScriptEvaluateAsync(InitializeScript, [_key], [_expiryMilliseconds]), cancellationToken);

    /// <inheritdoc />
    public async Task<MembershipTableData> ReadAllAsync(CancellationToken cancellationToken = default)
    {
        var fields = await RunAsync("ReadAll", () => _database.HashGetAllAsync(_key), cancellationToken).ConfigureAwait(false);
        var snapshot = MembershipSnapshot.Parse(Key, fields);
        if (snapshot.Version is null)
        {
            LogTableAbsent(_logger, Key);
        }

        var rows = snapshot.Rows
            .OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => new MembershipRow(pair.Value.Stored.Entry with { IAmAliveTime = pair.Value.IAmAliveTime }, pair.Value.Stored.ETag))
            .ToList();
        return new MembershipTableData(rows, snapshot.Version ?? s_initialVersion);
    }

    /// <inheritdoc />
    public async Task<bool> InsertRowAsync(MembershipEntry entry, TableVersion version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(version);
        var field = RowField(entry.Silo);
        var row = JsonSerializer.Serialize(new StoredMembershipRow(NewETag(), entry), RedisJson.Options);
        var result = await RunAsync(
            "InsertRow",
            () => _database.ScriptEvaluateAsync(InsertScript, [_key], [field, Expected(version), NewVersion(version), row, HeartbeatFieldPrefix + field, _expiryMilliseconds]),
            cancellationToken).ConfigureAwait(false);
        var outcome = (int)result;
        if (outcome != 1)
        {
            LogInsertRejected(_logger, Key, field, version.Version, outcome == 0 ? "the table version moved on" : "the silo already has a row");
        }

        return outcome == 1;
    }

    /// <inheritdoc />
    public async Task<bool> UpdateRowAsync(MembershipEntry entry, string etag, TableVersion version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(etag);
        ArgumentNullException.ThrowIfNull(version);
        var field = RowField(entry.Silo);
        var row = JsonSerializer.Serialize(new StoredMembershipRow(NewETag(), entry), RedisJson.Options);
        var result = await RunAsync(
            "UpdateRow",
            () => _database.ScriptEvaluateAsync(UpdateScript, [_key], [field, Expected(version), NewVersion(version), row, etag, _expiryMilliseconds]),
            cancellationToken).ConfigureAwait(false);
        var outcome = (int)result;
        if (outcome != 1)
        {
            LogUpdateRejected(_logger, Key, field, version.Version, outcome switch
            {
                0 => "the table version moved on",
                -1 => "the silo has no row",
                _ => "the row's ETag changed",
            });
        }

        return outcome == 1;
    }

    /// <inheritdoc />
    /// <remarks>Writes only the silo's <c>alive:</c> field, and only if the silo has a row; otherwise logs a warning
    /// and does nothing.</remarks>
    public async Task UpdateIAmAliveAsync(SiloAddress silo, DateTimeOffset iAmAliveTime, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(silo);
        var field = RowField(silo);
        var time = iAmAliveTime.ToString("O", CultureInfo.InvariantCulture);
        var result = await RunAsync(
            "UpdateIAmAlive",
            () => _database.ScriptEvaluateAsync(HeartbeatScript, [_key], [field, HeartbeatFieldPrefix + field, time, _expiryMilliseconds]),
            cancellationToken).ConfigureAwait(false);
        if ((int)result != 1)
        {
            LogHeartbeatWithoutRow(_logger, Key, field);
        }
    }

    /// <inheritdoc />
    /// <remarks>Reads a snapshot, then deletes in one script each chosen row (with its heartbeat) whose row and
    /// heartbeat are still as read, so a row that changed meanwhile survives. The version does not change.</remarks>
    public async Task CleanupDefunctSiloEntriesAsync(DateTimeOffset beforeDate, CancellationToken cancellationToken = default)
    {
        var fields = await RunAsync("CleanupDefunctSiloEntries", () => _database.HashGetAllAsync(_key), cancellationToken).ConfigureAwait(false);
        var defunct = MembershipSnapshot.Parse(Key, fields).Rows
            .Where(pair => pair.Value.Stored.Entry.Status is SiloStatus.Dead or SiloStatus.Stopped && pair.Value.IAmAliveTime < beforeDate)
            .SelectMany(pair => new RedisValue[]
            {
                pair.Key, pair.Value.RawRow, HeartbeatFieldPrefix + pair.Key, pair.Value.RawHeartbeat ?? string.Empty,
            })
            .ToArray();
        if (defunct.Length == 0)
        {
            return;
        }

        var removed = await RunAsync("CleanupDefunctSiloEntries", () => _database.ScriptEvaluateAsync(CleanupScript, [_key], defunct), cancellationToken)
            .ConfigureAwait(false);
        LogDefunctRowsRemoved(_logger, Key, (long)removed, beforeDate);
    }

    /// <inheritdoc />
    public Task DeleteTableAsync(CancellationToken cancellationToken = default) =>
        RunAsync("DeleteTable", () => _database.KeyDeleteAsync(_key), cancellationToken);

    private static string RowField(SiloAddress silo)
    {
        var field = silo.ToString();
        if (field.StartsWith(HeartbeatFieldPrefix, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Silo host '{silo.Host}' starts with '{HeartbeatFieldPrefix}', which the Redis membership table reserves.", nameof(silo));
        }

        return field;
    }

    private static string Expected(TableVersion version) =>
        string.Create(CultureInfo.InvariantCulture, $"{version.Version - 1}:{version.ETag}");

    private static string NewVersion(TableVersion version) =>
        string.Create(CultureInfo.InvariantCulture, $"{version.Version}:{NewETag()}");

    private static string NewETag() => Guid.NewGuid().ToString("N");

    private Task<T> RunAsync<T>(string operation, Func<Task<T>> command, CancellationToken cancellationToken) =>
        RedisCall.RunAsync(command, operation, Key, _operationTimeout, cancellationToken);
}
