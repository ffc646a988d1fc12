namespace Wayfarer.Runtime.Membership;

/// <summary>The membership table's version. Every insert and status change must name the current version and moves
/// it to the next; concurrent changes therefore serialize (the loser re-reads and retries).</summary>
/// <param name="Version">A counter that grows by one on every change.</param>
/// <param name="ETag">The store's token for that version.</param>
public sealed record TableVersion(int Version, string ETag)
{
    /// <summary>The version that follows this one (the ETag is the store's to assign).</summary>
    public TableVersion Next() => this with { Version = Version + 1 };
}
