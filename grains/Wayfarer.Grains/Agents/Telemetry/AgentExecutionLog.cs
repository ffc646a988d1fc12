using System.Diagnostics;
using Wayfarer.Grains.Agents.Models;
using Wayfarer.Grains.Ledger;
using Wayfarer.Planning;

namespace Wayfarer.Grains.Agents.Telemetry;

/// <summary>Records each execution of a specialist agent in <c>agent_executions</c> (agent type and version, config,
/// provider, task, result, duration, status) with a trace span and metrics.</summary>
public sealed class AgentExecutionLog(ILedgerWriter writer, AgentMetrics metrics, TimeProvider timeProvider)
{
    /// <summary>The version of the agents' logic, recorded with every execution.</summary>
    public const string AgentVersion = "1.0";

    /// <summary>The configuration recorded for offline executions.</summary>
    public const string OfflineConfig = """{"planner":"offline","catalog":"geonames+openflights+curated"}""";

    /// <summary>Runs <paramref name="work"/> as one execution of <paramref name="agentType"/>.</summary>
    public async Task<T> RunAsync<T>(string agentType, string task, object? input, Func<Task<T>> work, Func<T, object?>? summarize = null)
    {
        ArgumentNullException.ThrowIfNull(work);
        var at = timeProvider.GetUtcNow();
        var id = Guid.CreateVersion7(at);
        using var activity = AgentMetrics.ActivitySource.StartActivity($"agents.{agentType}.{task}");
        activity?.SetTag("wayfarer.agent", agentType);
        var started = Stopwatch.GetTimestamp();
        T? result = default;
        Exception? failure = null;
        try
        {
            result = await work();
            return result;
        }
        catch (Exception exception)
        {
            failure = exception;
            throw;
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var status = failure switch
            {
                null => "succeeded",
                PlanningException => "rejected",
                OperationCanceledException => "cancelled",
                _ => "failed",
            };
            metrics.Executions.Add(1, new KeyValuePair<string, object?>("agent", agentType), new KeyValuePair<string, object?>("status", status));
            metrics.ExecutionDuration.Record(elapsed, new KeyValuePair<string, object?>("agent", agentType));
            await writer.WriteAsync(new AgentExecutionRecord(
                id, AgentContext.RunId, AgentContext.UserId ?? "system", AgentContext.PlanId, agentType, AgentVersion, OfflineConfig, "offline", null,
                $"{task}: {AgentJson.Serialize(input, 2_000)}",
                failure is null ? AgentJson.Serialize(summarize is null ? result : summarize(result!), 8_000) : null,
                0, 0, 0m, elapsed, status, failure?.Message, at));
        }
    }
}
