using Wayfarer.GrainInterfaces.Plans;

namespace Wayfarer.Client.Plans;

/// <summary>The body of <c>POST /api/plans/{id}/shares</c>.</summary>
public sealed record ShareRequest(string? UserId, PlanRole? Role);
