namespace Wayfarer.Client.Plans;

/// <summary>The body of <c>POST /api/plans/{id}/branch</c>: both members optional (current version, same title).</summary>
public sealed record BranchRequest(int? Version, string? Title);
