namespace Wayfarer.Memory;

/// <summary>The root of the exceptions the memory components throw for broken rules and infrastructure failures.</summary>
public class MemoryException : Exception
{
    /// <summary>Creates an exception with a message.</summary>
    public MemoryException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and a cause.</summary>
    public MemoryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Whether retrying the same operation later may succeed.</summary>
    /// <value>False unless a subclass says otherwise.</value>
    public virtual bool IsTransient => false;
}
