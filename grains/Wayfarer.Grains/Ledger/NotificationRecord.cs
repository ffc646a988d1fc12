namespace Wayfarer.Grains.Ledger;

/// <summary>A row of <c>notifications</c>: something the traveller should know about a plan (such as a re-validation
/// finding before departure).</summary>
public sealed record NotificationRecord(
    Guid Id,
    string UserId,
    string? PlanId,
    string Kind,
    string Title,
    string Body,
    DateTimeOffset At) : LedgerRecord;
