using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Wayfarer.Runtime.Redis;

/// <summary>The checks shared by the Redis options validators.</summary>
internal static class RedisOptionsValidation
{
    /// <summary>Validates the settings every Redis provider has; each failure names the option as
    /// <c>{optionsType}.{property}</c> and none echoes the connection string.</summary>
    public static ValidateOptionsResult Validate(string optionsType, string? connectionString, string? keyPrefix, TimeSpan? entryExpiry, TimeSpan operationTimeout)
    {
        var failures = new List<string>();
        if (ConnectionStringError(connectionString) is { } connection)
        {
            failures.Add($"{optionsType}.ConnectionString {connection}");
        }

        if (string.IsNullOrWhiteSpace(keyPrefix))
        {
            failures.Add($"{optionsType}.KeyPrefix must not be blank.");
        }

        if (entryExpiry is { } expiry && expiry < TimeSpan.FromMilliseconds(1))
        {
            failures.Add($"{optionsType}.EntryExpiry must be at least 1 millisecond, or null for no expiry.");
        }

        if (operationTimeout <= TimeSpan.Zero && operationTimeout != Timeout.InfiniteTimeSpan)
        {
            failures.Add($"{optionsType}.OperationTimeout must be positive (or infinite).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string? ConnectionStringError(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return "is required.";
        }

        try
        {
            return ConfigurationOptions.Parse(connectionString).EndPoints.Count == 0 ? "names no endpoint (host:port)." : null;
        }
        catch (ArgumentException)
        {
            // The client's message may quote the string, which can hold a password: say only that it is malformed.
            return "is not a valid StackExchange.Redis configuration string.";
        }
    }
}
