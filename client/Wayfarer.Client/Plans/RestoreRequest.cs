namespace Wayfarer.Client.Plans;

/// <summary>The body of <c>POST /api/plans/{id}/restore</c>.</summary>
public sealed record RestoreRequest(int? Version);
