using Microsoft.Extensions.Options;

namespace Wayfarer.Runtime.Redis;

/// <summary>Stops silo start-up when <see cref="RedisClusteringOptions"/> are unusable; each message names the
/// option (such as <c>RedisClusteringOptions.ConnectionString is required.</c>) and never echoes the connection
/// string.</summary>
public sealed class RedisClusteringOptionsValidator : IValidateOptions<RedisClusteringOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, RedisClusteringOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return RedisOptionsValidation.Validate(
            nameof(RedisClusteringOptions), options.ConnectionString, options.KeyPrefix, options.EntryExpiry, options.OperationTimeout);
    }
}
