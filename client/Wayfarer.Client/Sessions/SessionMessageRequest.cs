namespace Wayfarer.Client.Sessions;

/// <summary>The body of <c>POST /api/sessions/{id}/messages</c>.</summary>
/// <param name="Content">The traveller's message.</param>
/// <param name="Policy">What to do if a run is still going: <c>reject</c> (the default), <c>enqueue</c>, <c>interrupt</c> or
/// <c>rollback</c>.</param>
/// <param name="Mode"><c>auto</c> (the default: a model when one is available and within the spend caps, else the offline
/// planner), <c>offline</c> or <c>model</c>.</param>
public sealed record SessionMessageRequest(string? Content, string? Policy = null, string? Mode = null);
