using Microsoft.Extensions.Options;

namespace Wayfarer.Runtime.Postgres;

/// <summary>Stops silo start-up when the <see cref="PostgresReminderTableOptions"/> are unusable; the message
/// names the option.</summary>
public sealed class PostgresReminderTableOptionsValidator : IValidateOptions<PostgresReminderTableOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, PostgresReminderTableOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (PostgresOptionsValidation.ConnectionStringError(options.ConnectionString) is { } error)
        {
            failures.Add($"{nameof(PostgresReminderTableOptions)}.{nameof(PostgresReminderTableOptions.ConnectionString)} {error}");
        }

        if (options.ServiceId is not null && string.IsNullOrWhiteSpace(options.ServiceId))
        {
            failures.Add($"{nameof(PostgresReminderTableOptions)}.{nameof(PostgresReminderTableOptions.ServiceId)} is blank; leave it null to use the cluster's service id.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
