using Wayfarer.Runtime;

namespace Wayfarer.Grains.Agents.Telemetry;

/// <summary>The run an agent call belongs to, carried in the <see cref="RequestContext"/> from the orchestrator to every
/// agent it calls (and the agents they call), so ledgers can tie rows to the run and user.</summary>
public static class AgentContext
{
    private const string RunKey = "wayfarer.agents.run";
    private const string UserKey = "wayfarer.agents.user";
    private const string PlanKey = "wayfarer.agents.plan";

    /// <summary>The current run id, if any.</summary>
    public static Guid? RunId => RequestContext.Get(RunKey) is string s && Guid.TryParse(s, out var id) ? id : null;

    /// <summary>The current user id, if any.</summary>
    public static string? UserId => RequestContext.Get(UserKey) as string;

    /// <summary>The current plan id, if any.</summary>
    public static string? PlanId => RequestContext.Get(PlanKey) as string;

    /// <summary>Sets the run context for the calls made from here on (in this async flow).</summary>
    public static void Set(Guid runId, string userId, string? planId)
    {
        RequestContext.Set(RunKey, runId.ToString("D"));
        RequestContext.Set(UserKey, userId);
        if (planId is null)
        {
            RequestContext.Remove(PlanKey);
        }
        else
        {
            RequestContext.Set(PlanKey, planId);
        }
    }
}
