using Microsoft.AspNetCore.Identity;
using Wayfarer.Client.Infrastructure;

namespace Wayfarer.Client.Users;

/// <summary>Finds users by e-mail address for login, before anyone is authenticated (a service query on the
/// <c>users</c> view, served by the unique e-mail index).</summary>
internal sealed class UserDirectory(Database database)
{
    private static readonly PasswordHasher<string> Hasher = new();
    private static readonly string DummyHash = Hasher.HashPassword(string.Empty, Guid.NewGuid().ToString());

    public Task<string?> FindByEmailAsync(string email, CancellationToken ct) =>
        database.AsServiceAsync(async (c, t) =>
        {
            await using var find = Database.Command(c, t,
                "SELECT id FROM users WHERE service_id = $1 AND lower(email) = lower($2)", database.ServiceId, email);
            return await find.ExecuteScalarAsync(ct) as string;
        }, ct);

    /// <summary>Takes as long as checking a real password, so response times do not reveal which e-mail addresses exist.</summary>
    public static void SpendHashingTime(string password) => Hasher.VerifyHashedPassword(string.Empty, DummyHash, password);
}
