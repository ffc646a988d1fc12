using Wayfarer.Client.Infrastructure;

namespace Wayfarer.Client.Agents;

/// <summary>A notification.</summary>
public sealed record NotificationResponse(Guid Id, string? PlanId, string Kind, string Title, string Body, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);
