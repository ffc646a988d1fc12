using Wayfarer.Client.Infrastructure;

namespace Wayfarer.Client.Agents;

/// <summary>The traveller's notifications (such as a confirmed plan's re-check before departure finding a problem).</summary>
internal static class NotificationsApi
{
    public static RouteGroupBuilder MapNotificationsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/users/me/notifications").WithTags("Notifications").RequireAuthorization();
        group.MapGet("/", ListAsync).Produces<IReadOnlyList<NotificationResponse>>();
        group.MapPost("/{id:guid}/read", MarkReadAsync);
        return group;
    }

    private static async Task<IResult> ListAsync(bool? unread, int? limit, HttpContext context, Database database, CancellationToken ct)
    {
        if (limit is < 1 or > 200)
        {
            var errors = new ValidationErrors();
            errors.Add("limit", "must be between 1 and 200.");
            return errors.ToProblem();
        }

        var userId = context.User.UserId();
        var items = await database.AsUserAsync<IReadOnlyList<NotificationResponse>>(userId, async (c, t) =>
        {
            await using var command = Database.Command(c, t, """
                SELECT id, plan_id, kind, title, body, created_at, read_at FROM notifications
                WHERE service_id = $1 AND user_id = $2 AND ($3 = false OR read_at IS NULL)
                ORDER BY created_at DESC LIMIT $4
                """, database.ServiceId, userId, unread ?? false, limit ?? 50);
            var list = new List<NotificationResponse>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                list.Add(new NotificationResponse(reader.GetGuid(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2), reader.GetString(3),
                    reader.GetString(4), reader.GetFieldValue<DateTimeOffset>(5), reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6)));
            }

            return list;
        }, ct);
        return TypedResults.Ok(items);
    }

    private static async Task<IResult> MarkReadAsync(Guid id, HttpContext context, Database database, CancellationToken ct)
    {
        var userId = context.User.UserId();
        var updated = await database.AsUserAsync(userId, async (c, t) =>
        {
            await using var command = Database.Command(c, t,
                "UPDATE notifications SET read_at = now() WHERE service_id = $1 AND user_id = $2 AND id = $3 AND read_at IS NULL", database.ServiceId, userId, id);
            return await command.ExecuteNonQueryAsync(ct);
        }, ct);
        return updated > 0 ? TypedResults.NoContent() : TypedResults.Problem(title: "No such unread notification", statusCode: StatusCodes.Status404NotFound);
    }
}
