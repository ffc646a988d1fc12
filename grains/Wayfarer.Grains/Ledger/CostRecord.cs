namespace Wayfarer.Grains.Ledger;

/// <summary>A row of <c>cost_tracking</c>: the actual cost of one model call, written by the user ledger grain's outbox
/// through <see cref="ICostWriter"/> (idempotent by <paramref name="Id"/>). <paramref name="UserId"/> is null only after
/// the user was erased.</summary>
public sealed record CostRecord(
    Guid Id,
    string? UserId,
    string? PlanId,
    Guid? ExecutionId,
    Guid? RunId,
    string Provider,
    string Model,
    int PromptTokens,
    int CompletionTokens,
    decimal CostUsd,
    string Category,
    DateTimeOffset At) : LedgerRecord;
