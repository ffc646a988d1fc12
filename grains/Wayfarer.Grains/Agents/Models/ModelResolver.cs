using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Wayfarer.Grains.Security;
using Wayfarer.Runtime.Hosting;

namespace Wayfarer.Grains.Agents.Models;

/// <summary>Reads users' keys from <c>user_api_keys</c> (sealed under the user's data key, which is wrapped by
/// <c>Wayfarer:Auth:MasterKey</c>); without a database or a master key only the platform key is used.</summary>
internal sealed partial class ModelResolver : IModelResolver
{
    private readonly IOptions<ModelOptions> _options;
    private readonly string? _connectionString;
    private readonly byte[]? _masterKey;
    private readonly string _serviceId;
    private readonly ILogger<ModelResolver> _logger;

    public ModelResolver(IOptions<ModelOptions> options, IConfiguration configuration, IOptions<ClusterOptions> cluster, ILogger<ModelResolver> logger)
    {
        _options = options;
        _logger = logger;
        _serviceId = cluster.Value.ServiceId;
        _connectionString = configuration.GetConnectionString("Postgres");
        var master = configuration["Wayfarer:Auth:MasterKey"];
        if (!string.IsNullOrWhiteSpace(master))
        {
            try
            {
                _masterKey = Convert.FromBase64String(master);
            }
            catch (FormatException)
            {
                LogBadMasterKey(logger);
            }
        }
    }

    public async Task<ModelChoice?> ResolveAsync(string userId, CancellationToken cancellationToken)
    {
        var options = _options.Value;
        if (await ReadUserKeyAsync(userId, options.UserKeyService, cancellationToken) is { } userKey)
        {
            return new ModelChoice("openai-compatible", "user_key", options.UserEndpoint, options.UserModel, userKey);
        }

        var platform = options.Platform;
        return platform.IsConfigured ? new ModelChoice(platform.Provider, "platform", platform.Endpoint, platform.Model!, platform.ApiKey!) : null;
    }

    private async Task<string?> ReadUserKeyAsync(string userId, string service, CancellationToken cancellationToken)
    {
        if (_connectionString is null || _masterKey is null)
        {
            return null;
        }

        try
        {
            await using var connection = new NpgsqlConnection(_connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("""
                SELECT d.wrapped_key, k.sealed_key FROM user_api_keys k
                JOIN user_data_keys d ON d.service_id = k.service_id AND d.user_id = k.user_id
                WHERE k.service_id = $1 AND k.user_id = $2 AND k.provider = $3
                """, connection);
            command.Parameters.Add(new NpgsqlParameter { Value = _serviceId });
            command.Parameters.Add(new NpgsqlParameter { Value = userId });
            command.Parameters.Add(new NpgsqlParameter { Value = service });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            var dataKey = KeyWrapping.Open(_masterKey, reader.GetFieldValue<byte[]>(0), $"data-key:{userId}");
            try
            {
                return Encoding.UTF8.GetString(KeyWrapping.Open(dataKey, reader.GetFieldValue<byte[]>(1), $"api-key:{userId}:{service}"));
            }
            finally
            {
                CryptographicOperations.ZeroMemory(dataKey);
            }
        }
        catch (CryptographicException exception)
        {
            LogUnreadableKey(_logger, exception, userId);
            return null;
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return null;
        }
        catch (NpgsqlException exception)
        {
            // The key store is unreachable: the run goes on with the platform's model (or offline) rather than failing.
            LogKeyStoreUnavailable(_logger, exception, userId);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Wayfarer:Auth:MasterKey is not valid base64; users' own model keys cannot be used")]
    private static partial void LogBadMasterKey(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The key store is unreachable; user {UserId}'s own model key cannot be read")]
    private static partial void LogKeyStoreUnavailable(ILogger logger, Exception exception, string userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The stored model key of user {UserId} cannot be decrypted (wrong master key?); using the platform model")]
    private static partial void LogUnreadableKey(ILogger logger, Exception exception, string userId);
}
