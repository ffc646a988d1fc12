namespace Wayfarer.Runtime.Postgres;

/// <summary>The database schema cannot be brought up to date safely: a migration file is misnamed, edited after it
/// was applied, missing, out of order, or failed to apply.</summary>
/// <remarks>Not transient: a person must fix the files or the database. Nothing of a failed migration is kept,
/// since each runs in its own transaction.</remarks>
public sealed class MigrationException : WayfarerException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, naming the file.</param>
    /// <param name="fileName">The migration file concerned.</param>
    /// <param name="innerException">The database error, when one caused it.</param>
    public MigrationException(string message, string fileName, Exception? innerException = null)
        : base(message, innerException)
    {
        FileName = fileName;
    }

    /// <summary>The migration file concerned, such as <c>0001_runtime.sql</c>.</summary>
    public string FileName { get; }
}
