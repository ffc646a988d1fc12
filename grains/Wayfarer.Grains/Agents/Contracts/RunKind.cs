using Wayfarer.Runtime;

namespace Wayfarer.Grains.Agents;

/// <summary>What a run was asked to do.</summary>
public enum RunKind
{
    /// <summary>Answer a chat message (and update the plan when the message asks for it).</summary>
    Chat,

    /// <summary>Produce a new plan version from the plan's own fields and the request.</summary>
    Generate,
}
