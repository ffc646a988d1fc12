namespace Wayfarer.Client.Tests;

/// <summary>A registered, logged-in user and a client that sends its access token.</summary>
public sealed record TestUser(string Id, string Email, HttpClient Client, string RefreshToken)
{
    public const string Password = "correct horse battery staple";
}
