using StackExchange.Redis;
using Wayfarer.Client.ApiKeys;
using Wayfarer.Client.Auth;
using Wayfarer.Client.Audit;
using Wayfarer.Client.Infrastructure;
using Wayfarer.Client.Plans;
using Wayfarer.GrainInterfaces.Plans;
using Wayfarer.GrainInterfaces.Sessions;
using Wayfarer.GrainInterfaces.Users;
using Wayfarer.Runtime;

namespace Wayfarer.Client.Users;

/// <summary>GDPR erasure: sessions, owned plans, the user's traces in other plans, API keys (by destroying the data key),
/// tokens, Redis keys and the user grain; audit entries lose the user's id and IP, and one entry records the erasure
/// without personal data. Other features add their own steps by registering an <see cref="IUserDataEraser"/>.</summary>
internal sealed partial class UserErasure(
    IGrainFactory grains,
    PlanQueries plans,
    UserData data,
    ApiKeyVault vault,
    AuditLog audit,
    IConnectionMultiplexer redis,
    RedisKeys keys,
    SessionRevocations revocations,
    IEnumerable<IUserDataEraser> erasers,
    ILogger<UserErasure> logger)
{
    public async Task<bool> EraseAsync(string userId, CancellationToken ct)
    {
        var user = grains.GetGrain<IUserGrain>(userId);
        if ((await user.Get()).Outcome != UserOutcome.Ok)
        {
            return false;
        }

        // Access tokens already issued must stop working at once, or one could write data for the erased user.
        foreach (var session in await data.LiveSessionsAsync(userId, ct))
        {
            await revocations.RevokeAsync(session);
        }

        // The agents stop first (their runs cancelled, their pending ledger rows committed), so nothing is written for
        // the user after the ledgers and memory are erased.
        var sessionIds = await data.SessionIdsAsync(userId, ct);
        foreach (var sessionId in sessionIds)
        {
            await grains.GetGrain<Wayfarer.Grains.Agents.IOrchestratorGrain>(sessionId).Forget(userId);
        }

        foreach (var eraser in erasers)
        {
            await eraser.EraseAsync(userId, ct);
        }

        var erasedKeys = new List<string>();
        foreach (var sessionId in sessionIds)
        {
            await grains.GetGrain<IAgentSessionGrain>(sessionId).Erase(userId);
            erasedKeys.Add(sessionId);
        }

        foreach (var planId in await plans.OwnedIdsAsync(userId, ct))
        {
            await grains.GetGrain<IPlanGrain>(planId).Delete(userId, null);
            erasedKeys.Add(planId);
        }

        foreach (var planId in await plans.MentioningAsync(userId, ct))
        {
            await grains.GetGrain<IPlanGrain>(planId).ForgetUser(userId);
        }

        await vault.DestroyDataKeyAsync(userId, ct);
        await user.Erase();
        await data.PurgeAsync(userId, erasedKeys, ct);
        await redis.GetDatabase().KeyDeleteAsync(keys.UserRate(userId));
        await audit.WriteAsync(AuditAction.Erase, actorId: null, details: new { deletedGrains = erasedKeys.Count }, ct: ct);
        LogErased(logger, erasedKeys.Count);
        return true;
    }

    [LoggerMessage(EventId = 1, EventName = "UserErased", Level = LogLevel.Information, Message = "A user was erased ({GrainCount} plans and sessions deleted)")]
    private static partial void LogErased(ILogger logger, int grainCount);
}
