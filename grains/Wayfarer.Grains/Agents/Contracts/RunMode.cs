using Wayfarer.Runtime;

namespace Wayfarer.Grains.Agents;

/// <summary>Which planner answers.</summary>
public enum RunMode
{
    /// <summary>A model when one is available (the user's key, else the platform's) and within the spend caps; the
    /// offline planner otherwise.</summary>
    Auto,

    /// <summary>The offline planner only.</summary>
    Offline,

    /// <summary>A model only: the run fails when none is configured or a spend cap is reached.</summary>
    Model,
}
