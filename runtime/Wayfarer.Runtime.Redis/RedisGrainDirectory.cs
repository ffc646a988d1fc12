using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;
using Wayfarer.Runtime.Directory;
using Wayfarer.Runtime.Membership;

namespace Wayfarer.Runtime.Redis;

/// <summary>An <see cref="IGrainDirectory"/> with one Redis key per grain, <c>{KeyPrefix}:{serviceId}:dir:{grainId}</c>,
/// holding <c>{"silo":"host:port@generation","activationId":"…"}</c>.</summary>
/// <remarks>
/// <para>Every operation on a grain is one Lua script, so it is atomic. <see cref="RegisterAsync"/> sets the key when
/// it is absent, or replaces it when the caller names the stored silo and activation exactly as
/// <c>previousAddress</c>; either way it returns what is stored afterwards, so of concurrent registrations exactly
/// one wins and every caller learns which. <see cref="UnregisterAsync"/> deletes the key only if it holds the
/// caller's activation id. Grain ids may contain any character: Redis keys are binary-safe.</para>
/// <para>Each registration also adds the grain's key to its silo's set, <c>{KeyPrefix}:{serviceId}:dir-silo:{silo}</c>,
/// in the same script. <see cref="UnregisterSilosAsync"/> pops those sets in batches and deletes each key that still
/// points at the dead silo, so an entry that was meanwhile replaced survives. Set members whose key was unregistered
/// or expired are dropped then too.</para>
/// <para>With <see cref="RedisGrainDirectoryOptions.EntryExpiry"/> every entry expires that long after its
/// registration, and each silo's set that long after its latest registration. Failures of Redis itself raise
/// <see cref="RedisStoreException"/>. Cancellation abandons the wait, not the command. Safe for concurrent use;
/// the connection is the caller's (or the container's) to dispose.</para>
/// </remarks>
public sealed partial class RedisGrainDirectory : IGrainDirectory
{
    private const int UnregisterBatchSize = 256;

    private readonly IDatabase _database;
    private readonly string _keyPrefix;
    private readonly long _expiryMilliseconds;
    private readonly TimeSpan _operationTimeout;
    private readonly ILogger _logger;

    /// <summary>Creates the directory over an existing connection; sends no command yet.</summary>
    /// <param name="connection">The connection; shared, not owned.</param>
    /// <param name="serviceId">The service id (second key segment).</param>
    /// <param name="options">The options; <see cref="RedisGrainDirectoryOptions.ConnectionString"/> is not read.</param>
    /// <param name="logger">The logger; null logs nothing.</param>
    public RedisGrainDirectory(IConnectionMultiplexer connection, string serviceId, RedisGrainDirectoryOptions options, ILogger<RedisGrainDirectory>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentException.ThrowIfNullOrEmpty(serviceId);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.KeyPrefix);
        ServiceId = serviceId;
        _keyPrefix = $"{options.KeyPrefix}:{serviceId}:";
        _database = connection.GetDatabase();
        _expiryMilliseconds = options.EntryExpiry is { } expiry ? Math.Max(1, (long)Math.Ceiling(expiry.TotalMilliseconds)) : 0;
        _operationTimeout = options.OperationTimeout;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>The service id.</summary>
    public string ServiceId { get; }

    /// <inheritdoc />
    public async Task<GrainAddress> RegisterAsync(GrainAddress address, GrainAddress? previousAddress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (previousAddress is not null && previousAddress.GrainId != address.GrainId)
        {
            throw new ArgumentException($"The previous address is of grain '{previousAddress.GrainId}', not '{address.GrainId}'.", nameof(previousAddress));
        }

        var key = GrainKey(address.GrainId);
        var value = JsonSerializer.Serialize(new StoredGrainAddress(address.Silo.ToString(), address.ActivationId.ToString()), RedisJson.Options);
        RedisKey[] keys = [key, SiloSetKey(address.Silo), SiloSetKey(previousAddress?.Silo ?? address.Silo)];
        RedisValue[] arguments =
        [
            value,
            previousAddress?.Silo.ToString() ?? string.Empty,
            previousAddress?.ActivationId.ToString() ?? string.Empty,
            _expiryMilliseconds,
        ];
        var result = await RunAsync("Register", key, () => _database.ScriptEvaluateAsync(RegisterScript, keys, arguments), cancellationToken).ConfigureAwait(false);
        var winner = Parse(key, address.GrainId, (string)result!);
        if (winner.ActivationId != address.ActivationId || winner.Silo != address.Silo)
        {
            LogRegistrationLost(_logger, address.GrainId.Type, winner.ActivationId.ToString(), winner.Silo.ToString(), address.ActivationId.ToString(), address.Silo.ToString());
        }

        return winner;
    }

    /// <inheritdoc />
    public async Task<bool> UnregisterAsync(GrainAddress address, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        var key = GrainKey(address.GrainId);
        var result = await RunAsync(
            "Unregister",
            key,
            () => _database.ScriptEvaluateAsync(UnregisterScript, [key, SiloSetKey(address.Silo)], [address.ActivationId.ToString()]),
            cancellationToken).ConfigureAwait(false);
        return (int)result == 1;
    }

    /// <inheritdoc />
    public async Task<GrainAddress?> LookupAsync(GrainId grainId, CancellationToken cancellationToken = default)
    {
        var key = GrainKey(grainId);
        var value = await RunAsync("Lookup", key, () => _database.StringGetAsync(key), cancellationToken).ConfigureAwait(false);
        return value.IsNull ? null : Parse(key, grainId, (string)value!);
    }

    /// <inheritdoc />
    public async Task UnregisterSilosAsync(IReadOnlyCollection<SiloAddress> silos, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(silos);
        foreach (var silo in silos.Distinct())
        {
            var set = SiloSetKey(silo);
            long deleted = 0;
            while (true)
            {
                var result = (RedisResult[])(await RunAsync(
                    "UnregisterSilos",
                    set,
                    () => _database.ScriptEvaluateAsync(UnregisterSiloScript, [set], [silo.ToString(), UnregisterBatchSize]),
                    cancellationToken).ConfigureAwait(false))!;
                deleted += (long)result[1];
                if ((long)result[0] < UnregisterBatchSize)
                {
                    break;
                }
            }

            LogSiloUnregistered(_logger, deleted, silo.ToString());
        }
    }

    /// <summary>The key of a grain's entry.</summary>
    internal string GrainKey(GrainId grainId)
    {
        if (grainId.IsDefault)
        {
            throw new ArgumentException("The grain id is the default (empty) id.", nameof(grainId));
        }

        return $"{_keyPrefix}dir:{grainId}";
    }

    /// <summary>The key of the set of grain keys registered on a silo.</summary>
    internal string SiloSetKey(SiloAddress silo) => $"{_keyPrefix}dir-silo:{silo}";

    private static GrainAddress Parse(string key, GrainId grainId, string value)
    {
        try
        {
            var stored = JsonSerializer.Deserialize<StoredGrainAddress>(value, RedisJson.Options)
                ?? throw new JsonException("The entry is JSON null.");
            return new GrainAddress(grainId, SiloAddress.Parse(stored.Silo), new ActivationId(Guid.ParseExact(stored.ActivationId, "N")));
        }
        catch (Exception exception) when (exception is JsonException or FormatException or ArgumentNullException)
        {
            throw new RedisStoreException($"Grain directory key '{key}' does not hold a grain address: {exception.Message}", exception, isTransient: false)
            {
                Operation = "Lookup",
                Key = key,
            };
        }
    }

    private Task<T> RunAsync<T>(string operation, string key, Func<Task<T>> command, CancellationToken cancellationToken) =>
        RedisCall.RunAsync(command, operation, key, _operationTimeout, cancellationToken);
}
