namespace Wayfarer.Grains.Ledger;

/// <summary>A row of <c>system_metrics</c>: one sampled value of one silo.</summary>
public sealed record SystemMetricRecord(string SiloId, string Name, double Value, string? Labels, DateTimeOffset At) : LedgerRecord;
