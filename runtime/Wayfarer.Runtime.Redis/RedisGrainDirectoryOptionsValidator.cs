using Microsoft.Extensions.Options;

namespace Wayfarer.Runtime.Redis;

/// <summary>Stops silo start-up when <see cref="RedisGrainDirectoryOptions"/> are unusable; each message names the
/// option (such as <c>RedisGrainDirectoryOptions.ConnectionString is required.</c>) and never echoes the
/// connection string.</summary>
public sealed class RedisGrainDirectoryOptionsValidator : IValidateOptions<RedisGrainDirectoryOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, RedisGrainDirectoryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return RedisOptionsValidation.Validate(
            nameof(RedisGrainDirectoryOptions), options.ConnectionString, options.KeyPrefix, options.EntryExpiry, options.OperationTimeout);
    }
}
