using Microsoft.Extensions.Options;

namespace Wayfarer.Runtime.Postgres;

/// <summary>Stops silo start-up when the <see cref="PostgresMigrationOptions"/> are unusable; the message names
/// the option.</summary>
public sealed class PostgresMigrationOptionsValidator : IValidateOptions<PostgresMigrationOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, PostgresMigrationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (PostgresOptionsValidation.ConnectionStringError(options.ConnectionString) is { } error)
        {
            failures.Add($"{nameof(PostgresMigrationOptions)}.{nameof(PostgresMigrationOptions.ConnectionString)} {error}");
        }

        if (options.CommandTimeout < TimeSpan.FromSeconds(1) || options.CommandTimeout.TotalSeconds > int.MaxValue)
        {
            failures.Add($"{nameof(PostgresMigrationOptions)}.{nameof(PostgresMigrationOptions.CommandTimeout)} must be at least 1 second; it is {options.CommandTimeout}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
