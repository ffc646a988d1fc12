namespace Wayfarer.Grains.Ledger;

/// <summary>A row of <c>agent_communications</c>: one grain call from one agent to another, recorded by a call filter.</summary>
public sealed record AgentCommunicationRecord(
    Guid Id,
    Guid? RunId,
    string? UserId,
    string FromAgent,
    string ToAgent,
    string MessageType,
    string Payload,
    string? Response,
    double LatencyMs,
    string Status,
    string? Error,
    DateTimeOffset At) : LedgerRecord;
