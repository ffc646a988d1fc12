namespace Wayfarer.Runtime;

/// <summary>The silo that should serve a call is stopping, stopped or unreachable. Retrying reaches another silo or a
/// fresh activation.</summary>
public sealed class SiloUnavailableException(string message, Exception? innerException = null) : WayfarerException(message, innerException)
{
    /// <inheritdoc />
    /// <value>True.</value>
    public override bool IsTransient => true;
}
