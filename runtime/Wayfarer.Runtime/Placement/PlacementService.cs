using Wayfarer.Runtime.Activation;
using Wayfarer.Runtime.Membership;

namespace Wayfarer.Runtime.Placement;

/// <summary>Chooses the silo for a new activation among the active silos that host its grain type.</summary>
internal sealed class PlacementService(MembershipService membership)
{
    public SiloAddress? Choose(GrainTypeInfo type, GrainId grainId, string? hint)
    {
        var candidates = membership.ActiveSilos
            .Where(e => e.GrainTypes.Count == 0 || e.GrainTypes.Contains(type.Name))
            .Select(e => e.Silo)
            .OrderBy(s => s.ToString(), StringComparer.Ordinal)
            .ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        if (hint is not null && candidates.FirstOrDefault(s => s.ToString() == hint) is { } hinted)
        {
            return hinted;
        }

        var classType = type.ClassType;
        if (classType.IsDefined(typeof(PreferLocalPlacementAttribute), true) && candidates.Contains(membership.Self))
        {
            return membership.Self;
        }

        if (classType.IsDefined(typeof(HashBasedPlacementAttribute), true))
        {
            return HashPick(grainId, candidates);
        }

        return candidates[Random.Shared.Next(candidates.Count)];
    }

    /// <summary>Whether this silo is the one a stable hash of <paramref name="grainId"/> picks among the active silos
    /// (true when none is active yet). Reminders use it so each has exactly one ticking silo.</summary>
    public bool IsHashOwner(GrainId grainId)
    {
        var active = membership.ActiveSilos.Select(e => e.Silo).OrderBy(s => s.ToString(), StringComparer.Ordinal).ToList();
        return active.Count == 0 || HashPick(grainId, active).Equals(membership.Self);
    }

    private static SiloAddress HashPick(GrainId grainId, IReadOnlyList<SiloAddress> sortedSilos)
        => sortedSilos[(int)(StableHash(grainId.ToString()) % (uint)sortedSilos.Count)];

    private static uint StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}
