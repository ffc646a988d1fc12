using Wayfarer.Runtime.Membership;
using Wayfarer.Runtime.Placement;

namespace Wayfarer.Runtime.Management;

/// <summary>The operator's view of a cluster: every silo in the membership table with its status and heartbeat age,
/// and, for active silos, their activation counts (asked of each silo through its control grain).</summary>
public static class ClusterView
{
    /// <summary>Reads the view.</summary>
    public static async Task<IReadOnlyList<SiloView>> ReadAsync(IMembershipTable table, IGrainFactory grains, TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(time);
        var data = await table.ReadAllAsync(cancellationToken);
        var now = time.GetUtcNow();
        var views = await Task.WhenAll(data.Entries.Select(async row =>
        {
            var entry = row.Entry;
            SiloRuntimeStatus? status = null;
            string? error = null;
            if (entry.Status == SiloStatus.Active)
            {
                var previous = RequestContext.Get(PlacementHint.Key);
                PlacementHint.Set(entry.Silo);
                try
                {
                    status = await grains.GetGrain<ISiloControlGrain>(entry.Silo.ToString()).GetStatus().WaitAsync(TimeSpan.FromSeconds(5), time, cancellationToken);
                }
                catch (Exception exception) when (exception is WayfarerException or TimeoutException)
                {
                    error = exception.Message;
                }
                finally
                {
                    if (previous is null)
                    {
                        PlacementHint.Clear();
                    }
                    else
                    {
                        RequestContext.Set(PlacementHint.Key, previous);
                    }
                }
            }

            return new SiloView(entry.Silo.ToString(), entry.SiloName, entry.Status.ToString(), entry.StartTime, now - entry.IAmAliveTime,
                status?.Activations, status?.ActivationsByType, error);
        }));
        return [.. views.OrderBy(v => v.Silo, StringComparer.Ordinal)];
    }
}

/// <summary>One silo as the operator sees it.</summary>
/// <param name="Silo">Its address.</param>
/// <param name="Name">Its name.</param>
/// <param name="Status">Its membership status.</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="HeartbeatAge">Time since its last heartbeat.</param>
/// <param name="Activations">Live activations (active silos that answered).</param>
/// <param name="ActivationsByType">Live activations per grain type.</param>
/// <param name="Error">Why an active silo did not answer.</param>
public sealed record SiloView(
    string Silo, string Name, string Status, DateTimeOffset StartedAt, TimeSpan HeartbeatAge,
    int? Activations, IReadOnlyDictionary<string, int>? ActivationsByType, string? Error);
