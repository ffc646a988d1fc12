namespace Wayfarer.Grains.Ledger;

/// <summary>A row for one of the agent ledgers; written in batches by <see cref="ILedgerWriter"/>.</summary>
public abstract record LedgerRecord;
