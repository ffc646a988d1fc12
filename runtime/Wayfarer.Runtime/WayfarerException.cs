namespace Wayfarer.Runtime;

/// <summary>The root of every exception the runtime raises for a broken rule or an infrastructure failure.</summary>
/// <remarks>Retry code reads <see cref="IsTransient"/> instead of parsing messages.</remarks>
public class WayfarerException : Exception
{
    /// <summary>Creates the exception.</summary>
    public WayfarerException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public WayfarerException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public WayfarerException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Whether retrying the same operation may succeed.</summary>
    /// <value>False unless a subclass says otherwise.</value>
    public virtual bool IsTransient => false;
}
