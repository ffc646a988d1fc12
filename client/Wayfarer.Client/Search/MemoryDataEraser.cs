using Wayfarer.Client.Users;
using Wayfarer.GrainInterfaces.Memory;
using Wayfarer.Runtime;

namespace Wayfarer.Client.Search;

/// <summary>The memory part of erasing a user: deletes every vector the user owns (preferences, plans, agent memory).</summary>
internal sealed partial class MemoryDataEraser(IGrainFactory grains, ILogger<MemoryDataEraser> logger) : IUserDataEraser
{
    public async Task EraseAsync(string userId, CancellationToken cancellationToken)
    {
        var deleted = await grains.GetGrain<ISearchGrain>(0).EraseUserAsync(userId);
        LogErased(logger, deleted);
    }

    [LoggerMessage(EventId = 1, EventName = "MemoryErased", Level = LogLevel.Information, Message = "Erased {Count} memory vectors of an erased user")]
    private static partial void LogErased(ILogger logger, int count);
}
