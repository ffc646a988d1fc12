using System.Reflection;
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
            var hash = StableHash(grainId.ToString());
            return candidates[(int)(hash % (uint)candidates.Count)];
        }

        return candidates[Random.Shared.Next(candidates.Count)];
    }

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
