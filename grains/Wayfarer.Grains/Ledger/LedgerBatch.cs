using Npgsql;

namespace Wayfarer.Grains.Ledger;

/// <summary>Rows collected for one write, sorted by table.</summary>
internal sealed class LedgerBatch
{
    private readonly List<AgentRunRecord> _runs = [];
    private readonly List<AgentTaskRecord> _tasks = [];
    private readonly List<AgentExecutionRecord> _executions = [];
    private readonly List<ToolCallRecord> _toolCalls = [];
    private readonly List<AgentCommunicationRecord> _communications = [];
    private readonly List<CostRecord> _costs = [];
    private readonly List<SystemMetricRecord> _metrics = [];
    private readonly List<NotificationRecord> _notifications = [];

    public int Count { get; private set; }

    public void Add(LedgerRecord record)
    {
        switch (record)
        {
            case AgentRunRecord r: _runs.Add(r); break;
            case AgentTaskRecord r: _tasks.Add(r); break;
            case AgentExecutionRecord r: _executions.Add(r); break;
            case ToolCallRecord r: _toolCalls.Add(r); break;
            case AgentCommunicationRecord r: _communications.Add(r); break;
            case CostRecord r: _costs.Add(r); break;
            case SystemMetricRecord r: _metrics.Add(r); break;
            case NotificationRecord r: _notifications.Add(r); break;
            default: throw new ArgumentException($"Unknown ledger record type {record.GetType().Name}.", nameof(record));
        }

        Count++;
    }

    public void Clear()
    {
        _runs.Clear();
        _tasks.Clear();
        _executions.Clear();
        _toolCalls.Clear();
        _communications.Clear();
        _costs.Clear();
        _metrics.Clear();
        _notifications.Clear();
        Count = 0;
    }

    /// <summary>One statement per table that has rows, each with its table name and row count. Runs come before tasks
    /// so a reader never sees a task without its run.</summary>
    public IEnumerable<(string Table, int Rows, NpgsqlBatchCommand Command)> Commands(string serviceId)
    {
        if (_runs.Count > 0)
        {
            yield return (LedgerTables.Runs.Name, _runs.Count, LedgerTables.Runs.Command(_runs, serviceId));
        }

        if (_tasks.Count > 0)
        {
            yield return (LedgerTables.Tasks.Name, _tasks.Count, LedgerTables.Tasks.Command(_tasks, serviceId));
        }

        if (_executions.Count > 0)
        {
            yield return (LedgerTables.Executions.Name, _executions.Count, LedgerTables.Executions.Command(_executions, serviceId));
        }

        if (_toolCalls.Count > 0)
        {
            yield return (LedgerTables.ToolCalls.Name, _toolCalls.Count, LedgerTables.ToolCalls.Command(_toolCalls, serviceId));
        }

        if (_communications.Count > 0)
        {
            yield return (LedgerTables.Communications.Name, _communications.Count, LedgerTables.Communications.Command(_communications, serviceId));
        }

        if (_costs.Count > 0)
        {
            yield return (LedgerTables.Costs.Name, _costs.Count, LedgerTables.Costs.Command(_costs, serviceId));
        }

        if (_metrics.Count > 0)
        {
            yield return (LedgerTables.Metrics.Name, _metrics.Count, LedgerTables.Metrics.Command(_metrics, serviceId));
        }

        if (_notifications.Count > 0)
        {
            yield return (LedgerTables.Notifications.Name, _notifications.Count, LedgerTables.Notifications.Command(_notifications, serviceId));
        }
    }
}
