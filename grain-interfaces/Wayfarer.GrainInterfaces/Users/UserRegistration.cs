using Wayfarer.Runtime;

namespace Wayfarer.GrainInterfaces.Users;

/// <summary>What a new user gives when registering.</summary>
/// <param name="Email">The e-mail address; unique across users, ignoring case.</param>
/// <param name="Password">The password in clear; only its hash is stored.</param>
/// <param name="Username">The display name.</param>
/// <param name="FirstName">Given name.</param>
/// <param name="LastName">Family name.</param>
[Immutable]
public sealed record UserRegistration(string Email, string Password, string Username, string FirstName, string LastName);
