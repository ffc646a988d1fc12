using Wayfarer.Client.Infrastructure;
using Wayfarer.Client.Users;
using Wayfarer.GrainInterfaces.Ledger;
using Wayfarer.Runtime;

namespace Wayfarer.Client.Costs;

/// <summary>The ledger part of erasing a user: the ledger grain commits its pending charges and forgets the user; then
/// every ledger row of the user is deleted, except costs, which lose their user id and keep their amounts (accounting).</summary>
internal sealed partial class LedgerDataEraser(IGrainFactory grains, Database database, ILogger<LedgerDataEraser> logger) : IUserDataEraser
{
    private static readonly string[] Tables = ["agent_runs", "agent_tasks", "agent_executions", "tool_calls", "agent_communications", "notifications"];

    public async Task EraseAsync(string userId, CancellationToken cancellationToken)
    {
        await grains.GetGrain<IUserLedgerGrain>(userId).Erase();
        var rows = await database.AsServiceAsync(async (c, t) =>
        {
            var deleted = 0;
            foreach (var table in Tables)
            {
                await using var delete = Database.Command(c, t, $"DELETE FROM {table} WHERE service_id = $1 AND user_id = $2", database.ServiceId, userId);
                deleted += await delete.ExecuteNonQueryAsync(cancellationToken);
            }

            await using var anonymise = Database.Command(c, t, "UPDATE cost_tracking SET user_id = NULL WHERE service_id = $1 AND user_id = $2", database.ServiceId, userId);
            deleted += await anonymise.ExecuteNonQueryAsync(cancellationToken);

            // The cleared grain state leaves a tombstone row keyed by the user id.
            await using var tombstone = Database.Command(c, t,
                "DELETE FROM grain_state WHERE service_id = $1 AND grain_type = 'ledger' AND grain_key = $2 AND payload IS NULL", database.ServiceId, userId);
            return deleted + await tombstone.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);
        LogErased(logger, rows);
    }

    [LoggerMessage(EventId = 1, EventName = "LedgerRowsErased", Level = LogLevel.Information, Message = "Erased or anonymised {Count} ledger rows of an erased user")]
    private static partial void LogErased(ILogger logger, int count);
}
