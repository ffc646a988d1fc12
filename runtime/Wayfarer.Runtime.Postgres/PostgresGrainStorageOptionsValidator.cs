using Microsoft.Extensions.Options;

namespace Wayfarer.Runtime.Postgres;

/// <summary>Stops silo start-up when a <see cref="PostgresGrainStorageOptions"/> instance is unusable; the
/// message names the provider and the option.</summary>
public sealed class PostgresGrainStorageOptionsValidator : IValidateOptions<PostgresGrainStorageOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, PostgresGrainStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var provider = $"grain storage '{name}'";
        if (PostgresOptionsValidation.ConnectionStringError(options.ConnectionString) is { } error)
        {
            failures.Add($"{nameof(PostgresGrainStorageOptions)}.{nameof(PostgresGrainStorageOptions.ConnectionString)} of {provider} {error}");
        }

        if (options.ServiceId is not null && string.IsNullOrWhiteSpace(options.ServiceId))
        {
            failures.Add($"{nameof(PostgresGrainStorageOptions)}.{nameof(PostgresGrainStorageOptions.ServiceId)} of {provider} is blank; leave it null to use the cluster's service id.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
