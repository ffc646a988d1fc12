namespace Wayfarer.Grains.Ledger;

/// <summary>Options of the agent ledgers and spend caps, bound from <c>Wayfarer:Ledger</c>.</summary>
public sealed class LedgerOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Wayfarer:Ledger";

    /// <summary>The daily spend cap of a user who has not set one, in USD; null for no cap.</summary>
    /// <value>5.</value>
    public decimal? DefaultDailyUsd { get; set; } = 5m;

    /// <summary>The per-plan spend cap of a user who has not set one, in USD; null for no cap.</summary>
    /// <value>2.</value>
    public decimal? DefaultPerPlanUsd { get; set; } = 2m;

    /// <summary>How long a reservation holds money before it is dropped (its call crashed or never charged).</summary>
    /// <value>10 minutes.</value>
    public TimeSpan ReservationTimeToLive { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a user ledger grain waits after a charge before flushing its outbox, so that a burst of
    /// charges goes out in one write.</summary>
    /// <value>20 ms.</value>
    public TimeSpan OutboxFlushDelay { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>The period of the reminder that flushes a non-empty outbox after a crash; raised to the runtime's
    /// <c>Wayfarer:Reminders:MinimumReminderPeriod</c> when below it.</summary>
    /// <value>1 minute.</value>
    public TimeSpan OutboxReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How many recent charge ids a grain remembers (in its state) to refuse a retried charge after its outbox
    /// was flushed; <c>cost_tracking</c> refuses a duplicate row by id regardless, but only this keeps the totals right.</summary>
    /// <value>256: retries come seconds after the original, and every id is in each state write.</value>
    public int RememberedCharges { get; set; } = 256;

    /// <summary>Rows per batch of the ledger writer.</summary>
    /// <value>500.</value>
    public int BatchSize { get; set; } = 500;

    /// <summary>How long the ledger writer waits to fill a batch before writing what it has.</summary>
    /// <value>100 ms.</value>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Rows the ledger writer buffers; when full, writers wait (rows are never dropped).</summary>
    /// <value>20,000.</value>
    public int QueueCapacity { get; set; } = 20_000;

    /// <summary>The first delay before retrying a failed batch; doubles on each failure up to
    /// <see cref="MaxRetryDelay"/>.</summary>
    /// <value>200 ms.</value>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest delay between retries of a failed batch.</summary>
    /// <value>30 seconds.</value>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many times a group commit of cost rows is tried before its callers are told it failed (their
    /// outboxes keep the rows and retry later).</summary>
    /// <value>3.</value>
    public int CostWriteAttempts { get; set; } = 3;

    /// <summary>How long shutdown waits for the writer to drain its buffer.</summary>
    /// <value>10 seconds.</value>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often ledger maintenance creates partitions, archives expired months and refreshes
    /// <c>cost_daily_rollup</c>.</summary>
    /// <value>1 hour.</value>
    public TimeSpan MaintenanceInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How many days after its month ended a partition is kept before it is archived and dropped.</summary>
    /// <value>90.</value>
    public int RetentionDays { get; set; } = 90;

    /// <summary>Where expired partitions are written as gzip CSV files (one per partition) before they are dropped;
    /// when empty they are moved into the <c>ledger_archive</c> schema instead.</summary>
    /// <value>Empty.</value>
    public string? ArchiveDirectory { get; set; }

    /// <summary>Whether this silo runs ledger maintenance (only one silo at a time does, by advisory lock).</summary>
    /// <value>True.</value>
    public bool EnableMaintenance { get; set; } = true;

    /// <summary>How often this silo's runtime metrics are written to <c>system_metrics</c>; zero turns sampling off.</summary>
    /// <value>60 seconds.</value>
    public TimeSpan MetricsInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The name this silo's metrics are recorded under.</summary>
    /// <value>Empty: the machine name and process id.</value>
    public string? SiloName { get; set; }

    /// <summary>Checks the options.</summary>
    /// <returns>A message naming the first bad option, or null.</returns>
    public string? Validate() =>
        DefaultDailyUsd is < 0 or > 100_000 ? $"{SectionName}:{nameof(DefaultDailyUsd)} must be between 0 and 100000."
        : DefaultPerPlanUsd is < 0 or > 100_000 ? $"{SectionName}:{nameof(DefaultPerPlanUsd)} must be between 0 and 100000."
        : ReservationTimeToLive <= TimeSpan.Zero ? $"{SectionName}:{nameof(ReservationTimeToLive)} must be positive."
        : OutboxFlushDelay < TimeSpan.Zero ? $"{SectionName}:{nameof(OutboxFlushDelay)} must not be negative."
        : OutboxReminderPeriod <= TimeSpan.Zero ? $"{SectionName}:{nameof(OutboxReminderPeriod)} must be positive."
        : RememberedCharges < 1 ? $"{SectionName}:{nameof(RememberedCharges)} must be positive."
        : BatchSize is < 1 or > 10_000 ? $"{SectionName}:{nameof(BatchSize)} must be between 1 and 10000."
        : FlushInterval <= TimeSpan.Zero ? $"{SectionName}:{nameof(FlushInterval)} must be positive."
        : QueueCapacity < BatchSize ? $"{SectionName}:{nameof(QueueCapacity)} must be at least {nameof(BatchSize)}."
        : RetryDelay <= TimeSpan.Zero || MaxRetryDelay < RetryDelay ? $"{SectionName}:{nameof(RetryDelay)} must be positive and at most {nameof(MaxRetryDelay)}."
        : CostWriteAttempts < 1 ? $"{SectionName}:{nameof(CostWriteAttempts)} must be positive."
        : ShutdownTimeout < TimeSpan.Zero ? $"{SectionName}:{nameof(ShutdownTimeout)} must not be negative."
        : MaintenanceInterval <= TimeSpan.Zero ? $"{SectionName}:{nameof(MaintenanceInterval)} must be positive."
        : RetentionDays < 1 ? $"{SectionName}:{nameof(RetentionDays)} must be positive."
        : MetricsInterval < TimeSpan.Zero ? $"{SectionName}:{nameof(MetricsInterval)} must not be negative."
        : null;
}
