namespace Wayfarer.Client.Runs;

/// <summary>One message from one agent to another.</summary>
public sealed record RunMessage(Guid Id, string From, string To, string Type, string Payload, string? Response, double LatencyMs, string Status,
    string? Error, DateTimeOffset At);
