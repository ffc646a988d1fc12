using System.Diagnostics;
using Wayfarer.Grains.Agents.Models;
using Wayfarer.Grains.Ledger;
using Wayfarer.Runtime.Filters;

namespace Wayfarer.Grains.Agents.Telemetry;

/// <summary>Records every call from one agent grain to another in <c>agent_communications</c> (from, to, method,
/// arguments, response or error, latency, status) — in one place, so no agent can forget to.</summary>
internal sealed class AgentCommunicationFilter(ILedgerWriter writer, AgentMetrics metrics, TimeProvider timeProvider) : IOutgoingGrainCallFilter
{
    /// <summary>The prefix of every agent grain type.</summary>
    public const string AgentTypePrefix = "agent-";

    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        if (context.SourceId is not { } source || source.IsDefault || !source.Type.StartsWith(AgentTypePrefix, StringComparison.Ordinal)
            || !typeof(IAgentGrain).IsAssignableFrom(context.Method.InterfaceType))
        {
            await context.Invoke();
            return;
        }

        var at = timeProvider.GetUtcNow();
        var started = Stopwatch.GetTimestamp();
        Exception? failure = null;
        try
        {
            await context.Invoke();
        }
        catch (Exception exception)
        {
            failure = exception;
            throw;
        }
        finally
        {
            var arguments = new List<object?>();
            for (var i = 0; i < context.Request.ArgumentCount; i++)
            {
                if (context.Request.GetArgument(i) is not CancellationToken)
                {
                    arguments.Add(context.Request.GetArgument(i));
                }
            }

            var status = failure switch
            {
                null => "ok",
                OperationCanceledException => "cancelled",
                TimeoutException => "timeout",
                _ => "error",
            };
            metrics.Messages.Add(1, new KeyValuePair<string, object?>("to", context.TargetId.Type), new KeyValuePair<string, object?>("status", status));
            await writer.WriteAsync(new AgentCommunicationRecord(
                Guid.CreateVersion7(at),
                AgentContext.RunId,
                AgentContext.UserId,
                source.Type,
                context.TargetId.Type,
                context.Method.Name,
                AgentJson.Serialize(arguments),
                failure is null ? AgentJson.Serialize(context.Result) : null,
                Stopwatch.GetElapsedTime(started).TotalMilliseconds,
                status,
                failure is null ? null : $"{failure.GetType().Name}: {failure.Message}",
                at));
        }
    }
}
