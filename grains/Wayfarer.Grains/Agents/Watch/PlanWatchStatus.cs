using Wayfarer.Grains.Ledger;
using Wayfarer.Runtime;
using Wayfarer.Runtime.Reminders;
using Wayfarer.Runtime.Storage;

namespace Wayfarer.Grains.Agents.Watch;

/// <summary>A plan watch.</summary>
/// <param name="Watching">Whether a re-check is scheduled.</param>
/// <param name="StartDate">The departure date.</param>
/// <param name="Checks">How many re-checks ran.</param>
/// <param name="LastCheckedAt">When the last one ran.</param>
/// <param name="LastIssues">What the last one found (empty when the plan still holds).</param>
[Immutable]
public sealed record PlanWatchStatus(bool Watching, DateOnly? StartDate, int Checks, DateTimeOffset? LastCheckedAt, IReadOnlyList<string> LastIssues);
