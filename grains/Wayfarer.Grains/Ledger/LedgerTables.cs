using System.Text.Json;

namespace Wayfarer.Grains.Ledger;

/// <summary>The statements that write each record type (migration <c>0020_agent_ledgers.sql</c>).</summary>
internal static class LedgerTables
{
    // Runs and tasks are upserted on every status change; a finished row is never replaced by an unfinished one (a late
    // batch from a silo that stopped in the middle of the run).
    public static readonly LedgerTable<AgentRunRecord> Runs = new(
        "agent_runs",
        """
        ON CONFLICT (run_id, started_at) DO UPDATE SET user_id = EXCLUDED.user_id, session_id = EXCLUDED.session_id,
            plan_id = EXCLUDED.plan_id, status = EXCLUDED.status, mode = EXCLUDED.mode, message = EXCLUDED.message,
            reply = EXCLUDED.reply, plan_version = EXCLUDED.plan_version, prompt_tokens = EXCLUDED.prompt_tokens,
            completion_tokens = EXCLUDED.completion_tokens, cost_usd = EXCLUDED.cost_usd, attempt = EXCLUDED.attempt,
            error = EXCLUDED.error, finished_at = EXCLUDED.finished_at, updated_at = now()
        WHERE agent_runs.finished_at IS NULL OR EXCLUDED.finished_at IS NOT NULL
        """,
        r => (r.RunId, r.StartedAt),
        C<AgentRunRecord, string>("user_id", "text", r => r.UserId),
        C<AgentRunRecord, Guid>("run_id", "uuid", r => r.RunId),
        C<AgentRunRecord, string>("session_id", "text", r => r.SessionId),
        C<AgentRunRecord, string?>("plan_id", "text", r => r.PlanId),
        C<AgentRunRecord, string>("status", "text", r => r.Status),
        C<AgentRunRecord, string>("mode", "text", r => r.Mode),
        C<AgentRunRecord, string>("message", "text", r => r.Message),
        C<AgentRunRecord, string?>("reply", "text", r => r.Reply),
        C<AgentRunRecord, int?>("plan_version", "integer", r => r.PlanVersion),
        C<AgentRunRecord, int>("prompt_tokens", "integer", r => r.PromptTokens),
        C<AgentRunRecord, int>("completion_tokens", "integer", r => r.CompletionTokens),
        C<AgentRunRecord, decimal>("cost_usd", "numeric", r => r.CostUsd),
        C<AgentRunRecord, int>("attempt", "integer", r => r.Attempt),
        C<AgentRunRecord, string?>("error", "text", r => r.Error),
        C<AgentRunRecord, DateTimeOffset>("started_at", "timestamptz", r => r.StartedAt.ToUniversalTime()),
        C<AgentRunRecord, DateTimeOffset?>("finished_at", "timestamptz", r => r.FinishedAt?.ToUniversalTime()));

    public static readonly LedgerTable<AgentTaskRecord> Tasks = new(
        "agent_tasks",
        """
        ON CONFLICT (task_id, started_at) DO UPDATE SET user_id = EXCLUDED.user_id, run_id = EXCLUDED.run_id,
            sequence = EXCLUDED.sequence, name = EXCLUDED.name, agent = EXCLUDED.agent, status = EXCLUDED.status,
            input = EXCLUDED.input, output = EXCLUDED.output, error = EXCLUDED.error, finished_at = EXCLUDED.finished_at,
            updated_at = now()
        WHERE agent_tasks.finished_at IS NULL OR EXCLUDED.finished_at IS NOT NULL
        """,
        r => (r.TaskId, r.StartedAt),
        C<AgentTaskRecord, string>("user_id", "text", r => r.UserId),
        C<AgentTaskRecord, Guid>("task_id", "uuid", r => r.TaskId),
        C<AgentTaskRecord, Guid>("run_id", "uuid", r => r.RunId),
        C<AgentTaskRecord, int>("sequence", "integer", r => r.Sequence),
        C<AgentTaskRecord, string>("name", "text", r => r.Name),
        C<AgentTaskRecord, string>("agent", "text", r => r.Agent),
        C<AgentTaskRecord, string>("status", "text", r => r.Status),
        C<AgentTaskRecord, string?>("input", "text", r => r.Input),
        C<AgentTaskRecord, string?>("output", "text", r => r.Output),
        C<AgentTaskRecord, string?>("error", "text", r => r.Error),
        C<AgentTaskRecord, DateTimeOffset>("started_at", "timestamptz", r => r.StartedAt.ToUniversalTime()),
        C<AgentTaskRecord, DateTimeOffset?>("finished_at", "timestamptz", r => r.FinishedAt?.ToUniversalTime()));

    public static readonly LedgerTable<AgentExecutionRecord> Executions = new(
        "agent_executions",
        "ON CONFLICT DO NOTHING",
        null,
        C<AgentExecutionRecord, string>("user_id", "text", r => r.UserId),
        C<AgentExecutionRecord, Guid>("execution_id", "uuid", r => r.ExecutionId),
        C<AgentExecutionRecord, Guid?>("run_id", "uuid", r => r.RunId),
        C<AgentExecutionRecord, string?>("plan_id", "text", r => r.PlanId),
        C<AgentExecutionRecord, string>("agent_type", "text", r => r.AgentType),
        C<AgentExecutionRecord, string>("agent_version", "text", r => r.AgentVersion),
        C<AgentExecutionRecord, string>("config", "text", r => Json(r.Config), "config::jsonb"),
        C<AgentExecutionRecord, string>("provider", "text", r => r.Provider),
        C<AgentExecutionRecord, string?>("model", "text", r => r.Model),
        C<AgentExecutionRecord, string>("task", "text", r => r.Task),
        C<AgentExecutionRecord, string?>("result", "text", r => r.Result),
        C<AgentExecutionRecord, int>("prompt_tokens", "integer", r => r.PromptTokens),
        C<AgentExecutionRecord, int>("completion_tokens", "integer", r => r.CompletionTokens),
        C<AgentExecutionRecord, decimal>("cost_usd", "numeric", r => r.CostUsd),
        C<AgentExecutionRecord, double>("duration_ms", "float8", r => r.DurationMs),
        C<AgentExecutionRecord, string>("status", "text", r => r.Status),
        C<AgentExecutionRecord, string?>("error", "text", r => r.Error),
        C<AgentExecutionRecord, DateTimeOffset>("started_at", "timestamptz", r => r.StartedAt.ToUniversalTime()));

    public static readonly LedgerTable<ToolCallRecord> ToolCalls = new(
        "tool_calls",
        "ON CONFLICT DO NOTHING",
        null,
        C<ToolCallRecord, string>("user_id", "text", r => r.UserId),
        C<ToolCallRecord, Guid>("id", "uuid", r => r.ToolCallId),
        C<ToolCallRecord, Guid?>("run_id", "uuid", r => r.RunId),
        C<ToolCallRecord, Guid?>("execution_id", "uuid", r => r.ExecutionId),
        C<ToolCallRecord, string>("agent_type", "text", r => r.AgentType),
        C<ToolCallRecord, string>("tool_name", "text", r => r.ToolName),
        C<ToolCallRecord, string>("arguments", "text", r => r.Arguments),
        C<ToolCallRecord, string?>("result", "text", r => r.Result),
        C<ToolCallRecord, string>("status", "text", r => r.Status),
        C<ToolCallRecord, double>("duration_ms", "float8", r => r.DurationMs),
        C<ToolCallRecord, DateTimeOffset>("at", "timestamptz", r => r.At.ToUniversalTime()));

    public static readonly LedgerTable<AgentCommunicationRecord> Communications = new(
        "agent_communications",
        "ON CONFLICT DO NOTHING",
        null,
        C<AgentCommunicationRecord, string?>("user_id", "text", r => r.UserId),
        C<AgentCommunicationRecord, Guid>("id", "uuid", r => r.Id),
        C<AgentCommunicationRecord, Guid?>("run_id", "uuid", r => r.RunId),
        C<AgentCommunicationRecord, string>("from_agent", "text", r => r.FromAgent),
        C<AgentCommunicationRecord, string>("to_agent", "text", r => r.ToAgent),
        C<AgentCommunicationRecord, string>("message_type", "text", r => r.MessageType),
        C<AgentCommunicationRecord, string>("payload", "text", r => r.Payload),
        C<AgentCommunicationRecord, string?>("response", "text", r => r.Response),
        C<AgentCommunicationRecord, double>("latency_ms", "float8", r => r.LatencyMs),
        C<AgentCommunicationRecord, string>("status", "text", r => r.Status),
        C<AgentCommunicationRecord, string?>("error", "text", r => r.Error),
        C<AgentCommunicationRecord, DateTimeOffset>("at", "timestamptz", r => r.At.ToUniversalTime()));

    public static readonly LedgerTable<CostRecord> Costs = new(
        "cost_tracking",
        "ON CONFLICT DO NOTHING",
        null,
        C<CostRecord, string?>("user_id", "text", r => r.UserId),
        C<CostRecord, Guid>("id", "uuid", r => r.Id),
        C<CostRecord, string?>("plan_id", "text", r => r.PlanId),
        C<CostRecord, Guid?>("execution_id", "uuid", r => r.ExecutionId),
        C<CostRecord, Guid?>("run_id", "uuid", r => r.RunId),
        C<CostRecord, string>("provider", "text", r => r.Provider),
        C<CostRecord, string>("model", "text", r => r.Model),
        C<CostRecord, int>("prompt_tokens", "integer", r => r.PromptTokens),
        C<CostRecord, int>("completion_tokens", "integer", r => r.CompletionTokens),
        C<CostRecord, decimal>("cost_usd", "numeric", r => r.CostUsd),
        C<CostRecord, string>("category", "text", r => r.Category),
        C<CostRecord, DateTimeOffset>("at", "timestamptz", r => r.At.ToUniversalTime()));

    public static readonly LedgerTable<SystemMetricRecord> Metrics = new(
        "system_metrics",
        "ON CONFLICT DO NOTHING",
        null,
        C<SystemMetricRecord, Guid>("id", "uuid", _ => Guid.CreateVersion7()),
        C<SystemMetricRecord, string>("silo_id", "text", r => r.SiloId),
        C<SystemMetricRecord, string>("name", "text", r => r.Name),
        C<SystemMetricRecord, double>("value", "float8", r => r.Value),
        C<SystemMetricRecord, string?>("labels", "text", r => r.Labels is null ? null : Json(r.Labels), "labels::jsonb"),
        C<SystemMetricRecord, DateTimeOffset>("at", "timestamptz", r => r.At.ToUniversalTime()));

    public static readonly LedgerTable<NotificationRecord> Notifications = new(
        "notifications",
        "ON CONFLICT DO NOTHING",
        null,
        C<NotificationRecord, string>("user_id", "text", r => r.UserId),
        C<NotificationRecord, Guid>("id", "uuid", r => r.Id),
        C<NotificationRecord, string?>("plan_id", "text", r => r.PlanId),
        C<NotificationRecord, string>("kind", "text", r => r.Kind),
        C<NotificationRecord, string>("title", "text", r => r.Title),
        C<NotificationRecord, string>("body", "text", r => r.Body),
        C<NotificationRecord, DateTimeOffset>("created_at", "timestamptz", r => r.At.ToUniversalTime()));

    private static LedgerTable<TRecord>.Column<T> C<TRecord, T>(string name, string sqlType, Func<TRecord, T> value, string? select = null)
        where TRecord : LedgerRecord => new(name, sqlType, value, select);

    /// <summary>The text as is when it is JSON, else as a JSON string, so a free-text config never fails a batch.</summary>
    private static string Json(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "{}";
        }

        try
        {
            using var _ = JsonDocument.Parse(text);
            return text;
        }
        catch (JsonException)
        {
            return JsonSerializer.Serialize(text);
        }
    }
}
