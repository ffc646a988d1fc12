using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Wayfarer.Grains.Agents.Telemetry;

/// <summary>The agents' metrics (meter <c>Wayfarer.Agents</c>) and traces (activity source <c>Wayfarer.Agents</c>).</summary>
public sealed class AgentMetrics : IDisposable
{
    /// <summary>The meter and activity source name.</summary>
    public const string Name = "Wayfarer.Agents";

    /// <summary>Spans for runs, steps, agent executions and model calls.</summary>
    public static readonly ActivitySource ActivitySource = new(Name);

    private readonly Meter _meter;

    /// <summary>Creates the instruments.</summary>
    public AgentMetrics(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(Name) ?? new Meter(Name);
        Runs = _meter.CreateCounter<long>("wayfarer.agents.runs", description: "Runs that ended, by status and mode.");
        RunDuration = _meter.CreateHistogram<double>("wayfarer.agents.run.duration", unit: "ms", description: "Run duration from start to end.");
        Executions = _meter.CreateCounter<long>("wayfarer.agents.executions", description: "Agent executions, by agent and status.");
        ExecutionDuration = _meter.CreateHistogram<double>("wayfarer.agents.execution.duration", unit: "ms", description: "Agent execution duration.");
        ToolCalls = _meter.CreateCounter<long>("wayfarer.agents.tool_calls", description: "Tool calls, by tool and status.");
        Messages = _meter.CreateCounter<long>("wayfarer.agents.messages", description: "Agent-to-agent messages recorded.");
        ModelTokens = _meter.CreateCounter<long>("wayfarer.agents.model.tokens", description: "Model tokens, by model and kind (prompt, completion).");
        ModelCost = _meter.CreateCounter<double>("wayfarer.agents.model.cost", unit: "USD", description: "Model spend in USD, by model.");
        Resumed = _meter.CreateCounter<long>("wayfarer.agents.runs.resumed", description: "Runs resumed from a checkpoint after their activation was lost.");
        SpendDenied = _meter.CreateCounter<long>("wayfarer.agents.spend.denied", description: "Model calls refused by a spend cap, by reason.");
        Validation = _meter.CreateCounter<long>("wayfarer.agents.validation", description: "Plans validated, by source and outcome (valid, repaired, rejected).");
    }

    /// <summary>Runs that ended.</summary>
    public Counter<long> Runs { get; }

    /// <summary>Run durations.</summary>
    public Histogram<double> RunDuration { get; }

    /// <summary>Agent executions.</summary>
    public Counter<long> Executions { get; }

    /// <summary>Agent execution durations.</summary>
    public Histogram<double> ExecutionDuration { get; }

    /// <summary>Tool calls.</summary>
    public Counter<long> ToolCalls { get; }

    /// <summary>Agent-to-agent messages.</summary>
    public Counter<long> Messages { get; }

    /// <summary>Model tokens.</summary>
    public Counter<long> ModelTokens { get; }

    /// <summary>Model spend.</summary>
    public Counter<double> ModelCost { get; }

    /// <summary>Resumed runs.</summary>
    public Counter<long> Resumed { get; }

    /// <summary>Spend-cap refusals.</summary>
    public Counter<long> SpendDenied { get; }

    /// <summary>Validation outcomes.</summary>
    public Counter<long> Validation { get; }

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();
}
