namespace Wayfarer.Client.Sessions;

/// <summary>The body of <c>POST /api/sessions/{id}/messages</c>.</summary>
public sealed record SessionMessageRequest(string? Content);
