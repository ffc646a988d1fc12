namespace Wayfarer.Client.Users;

/// <summary>A feature's part of erasing a user (memory, ledgers...): register implementations in DI and
/// <see cref="UserErasure"/> runs them first, while the user still exists.</summary>
public interface IUserDataEraser
{
    /// <summary>Deletes everything this feature holds about <paramref name="userId"/>.</summary>
    Task EraseAsync(string userId, CancellationToken cancellationToken);
}
