using Wayfarer.Runtime;

namespace Wayfarer.GrainInterfaces.Users;

/// <summary>A registered user: profile, preferences, credentials. Keyed by the user id.</summary>
/// <remarks>Every change is written to storage before the call returns. E-mail uniqueness is enforced by a
/// unique index in PostgreSQL, so two users racing for one address cannot both win.</remarks>
public interface IUserGrain : IGrainWithStringKey
{
    /// <summary>Creates the user; fails with <see cref="UserOutcome.AlreadyExists"/> or <see cref="UserOutcome.EmailTaken"/>.</summary>
    Task<UserResult> Register(UserRegistration registration);

    /// <summary>Reads the user.</summary>
    [ReadOnly]
    Task<UserResult> Get();

    /// <summary>Applies a partial profile update.</summary>
    Task<UserResult> Update(UserProfileUpdate update);

    /// <summary>Replaces the travel preferences.</summary>
    Task<UserResult> SetPreferences(TravelPreferences preferences);

    /// <summary>Checks a password and records the login when it matches (re-hashing an outdated hash).</summary>
    Task<UserResult> Login(string password);

    /// <summary>Deletes everything the grain holds about the user. True when there was a user.</summary>
    Task<bool> Erase();
}
