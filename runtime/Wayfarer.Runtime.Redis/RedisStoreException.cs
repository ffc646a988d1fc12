namespace Wayfarer.Runtime.Redis;

/// <summary>A Redis command of a Wayfarer provider failed: the server was unreachable, too slow, or refused the
/// command.</summary>
/// <remarks>Expected outcomes (a lost compare-and-set, a missing entry) are return values, never this exception.
/// When <see cref="IsTransient"/> is true the command may or may not have run; retry after re-reading.</remarks>
public sealed class RedisStoreException : WayfarerException
{
    private readonly bool _isTransient;

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed, naming the operation and the key.</param>
    /// <param name="innerException">The client's exception.</param>
    /// <param name="isTransient">Whether retrying may succeed.</param>
    public RedisStoreException(string message, Exception? innerException, bool isTransient)
        : base(message, innerException)
    {
        _isTransient = isTransient;
    }

    /// <summary>The provider operation, such as <c>InsertRow</c> or <c>Register</c>.</summary>
    public string? Operation { get; init; }

    /// <summary>The Redis key the command addressed.</summary>
    public string? Key { get; init; }

    /// <summary>True for connection failures, timeouts and a server that is loading or busy.</summary>
    public override bool IsTransient => _isTransient;
}
