using Npgsql;

namespace Wayfarer.Runtime.Postgres;

/// <summary>Checks shared by the options validators of this assembly.</summary>
internal static class PostgresOptionsValidation
{
    /// <summary>Why a connection string is unusable, as the end of a sentence; null when it is usable.</summary>
    public static string? ConnectionStringError(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return "is required.";
        }

        try
        {
            _ = new NpgsqlConnectionStringBuilder(connectionString);
            return null;
        }
        catch (ArgumentException exception)
        {
            // The message never echoes the connection string, which may hold a password.
            return $"is not a valid Npgsql connection string ({exception.GetType().Name}).";
        }
    }
}
