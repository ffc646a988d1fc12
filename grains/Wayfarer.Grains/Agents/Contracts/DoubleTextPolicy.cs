using Wayfarer.Runtime;

namespace Wayfarer.Grains.Agents;

/// <summary>What a session does with a message that arrives while a run is still going (double-texting).</summary>
public enum DoubleTextPolicy
{
    /// <summary>Refuse the new message; the current run carries on.</summary>
    Reject,

    /// <summary>Queue the new message; it runs when the current run (and any queued before it) ends.</summary>
    Enqueue,

    /// <summary>Cancel the current run (its saved work stays) and start the new one.</summary>
    Interrupt,

    /// <summary>Cancel the current run, undo what it did (plan version, conversation messages) and start the new one.</summary>
    Rollback,
}
