using Wayfarer.Runtime;

namespace Wayfarer.GrainInterfaces.Memory;

/// <summary>The outcome of loading the catalog.</summary>
/// <param name="Items">Items in the catalog.</param>
/// <param name="Changed">Rows inserted or changed in PostgreSQL (0 when run again unchanged).</param>
/// <param name="Shards">Shards reloaded.</param>
[Immutable]
public sealed record CatalogLoadResult(int Items, int Changed, int Shards);
