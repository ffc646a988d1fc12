using Wayfarer.Runtime.Hosting;

namespace Wayfarer.Grains.Agents.Models;

/// <summary>Chooses the model for a user's run: the user's own key (decrypted from the API-key store with the master
/// key) → the platform's configured key → none (the offline planner).</summary>
public interface IModelResolver
{
    /// <summary>The model for <paramref name="userId"/>, or null for the offline planner.</summary>
    Task<ModelChoice?> ResolveAsync(string userId, CancellationToken cancellationToken);
}
