using Wayfarer.Client.ApiKeys;
using Wayfarer.Client.Plans;
using Wayfarer.GrainInterfaces.Plans;
using Wayfarer.GrainInterfaces.Sessions;
using Wayfarer.GrainInterfaces.Users;
using Wayfarer.Runtime;

namespace Wayfarer.Client.Users;

/// <summary>Builds the GDPR export: everything held about the user, as one JSON document.</summary>
internal sealed class UserExport(IGrainFactory grains, PlanQueries plans, UserData data, ApiKeyVault vault, TimeProvider time)
{
    public async Task<object?> BuildAsync(string userId, CancellationToken ct)
    {
        var user = await grains.GetGrain<IUserGrain>(userId).Get();
        if (user.User is null)
        {
            return null;
        }

        var owned = new List<object>();
        foreach (var planId in await plans.OwnedIdsAsync(userId, ct))
        {
            var plan = grains.GetGrain<IPlanGrain>(planId);
            var current = await plan.Get(userId);
            if (current.Value is not null)
            {
                owned.Add(new { plan = PlanResponse.From(current.Value), versions = (await plan.GetHistory(userId)).Value, shares = (await plan.GetShares(userId)).Value });
            }
        }

        var shared = (await plans.ListAsync(userId, shared: true, after: null, limit: 10_000, ct)).Items;
        var sessions = new List<object>();
        foreach (var sessionId in await data.SessionIdsAsync(userId, ct))
        {
            var session = grains.GetGrain<IAgentSessionGrain>(sessionId);
            sessions.Add(new { session = (await session.Get(userId)).Value, messages = (await session.GetMessages(userId, 0, int.MaxValue)).Value });
        }

        return new
        {
            exportedAt = time.GetUtcNow(),
            user = user.User,
            plans = owned,
            sharedWithMe = shared,
            sessions,
            apiKeys = await vault.ListAsync(userId, ct),
            auditLog = await data.AuditEntriesAsync(userId, ct),
        };
    }
}
