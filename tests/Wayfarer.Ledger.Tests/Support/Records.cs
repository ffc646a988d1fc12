using Wayfarer.GrainInterfaces.Ledger;
using Wayfarer.Grains.Ledger;

namespace Wayfarer.Ledger.Tests.Support;

/// <summary>Sample ledger rows and charges.</summary>
internal static class Records
{
    public static readonly DateTimeOffset At = new(2030, 1, 15, 12, 0, 0, TimeSpan.Zero);

    public static AgentRunRecord Run(string userId, Guid runId, string status = "running", string? planId = "plan-1", DateTimeOffset? startedAt = null) =>
        new(runId, "session-1", userId, planId, status, "online", "Plan me a week in Lisbon", status == "completed" ? "Here is your plan" : null,
            status == "completed" ? 2 : null, 120, 80, 0.0042m, 1, null, startedAt ?? At, status == "completed" ? (startedAt ?? At).AddSeconds(3) : null);

    public static IReadOnlyList<LedgerRecord> OneOfEach(string userId, Guid runId, DateTimeOffset? at = null)
    {
        var when = at ?? At;
        var executionId = Guid.NewGuid();
        return
        [
            Run(userId, runId, startedAt: when),
            new AgentTaskRecord(Guid.NewGuid(), runId, userId, 1, "find-places", "location", "completed", "{}", "[]", null, when, when.AddSeconds(1)),
            new AgentExecutionRecord(executionId, runId, userId, "plan-1", "location", "1.0.0", """{"temperature":0.2}""", "openai", "gpt-4o-mini",
                "find places", "ok", 100, 50, 0.0021m, 812.5, "completed", null, when),
            new ToolCallRecord(Guid.NewGuid(), runId, executionId, userId, "location", "search_places", """{"q":"tiles"}""", "[]", "ok", 12.5, when),
            new AgentCommunicationRecord(Guid.NewGuid(), runId, userId, "orchestrator", "location", "FindPlaces", "{}", "{}", 3.25, "ok", null, when),
            new CostRecord(Guid.NewGuid(), userId, "plan-1", executionId, runId, "openai", "gpt-4o-mini", 100, 50, 0.0021m, "chat", when),
            new SystemMetricRecord("silo-1", "activations", 42, """{"type":"ledger"}""", when),
            new NotificationRecord(Guid.NewGuid(), userId, "plan-1", "revalidation", "A museum closed", "It is closed on Mondays.", when),
        ];
    }

    public static CostCharge Charge(decimal usd, string? planId = null, Guid? reservationId = null, DateTimeOffset? at = null, Guid? id = null) =>
        new(id ?? Guid.NewGuid(), reservationId, planId, null, null, "openai", "gpt-4o-mini", 1000, 500, usd, "chat", at ?? At);

    public static SpendReservation Reserve(decimal usd, string? planId = null, Guid? id = null) =>
        new(id ?? Guid.NewGuid(), planId, usd, "The planning agent");
}
