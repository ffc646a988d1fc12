using System.Data.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Wayfarer.GrainInterfaces.Users;
using Wayfarer.Runtime;
using Wayfarer.Runtime.Storage;

namespace Wayfarer.Grains.Users;

/// <summary>A registered user. The profile and the credentials are separate states so that the password hash never
/// appears in the <c>users</c> view; the unique index on the profile's lower-cased e-mail refuses duplicates.</summary>
[GrainType("user")]
public sealed partial class UserGrain(
    [PersistentState("profile")] IPersistentState<UserState> profile,
    [PersistentState("credentials")] IPersistentState<CredentialState> credentials,
    TimeProvider timeProvider,
    ILogger<UserGrain> logger) : Grain, IUserGrain
{
    private const string UniqueViolation = "23505";

    private static readonly PasswordHasher<string> Hasher = new();

    /// <inheritdoc />
    public async Task<UserResult> Register(UserRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        if (profile.RecordExists)
        {
            return UserResult.Fail(UserOutcome.AlreadyExists);
        }

        var now = timeProvider.GetUtcNow();
        var state = profile.State;
        state.Email = registration.Email.Trim();
        state.Username = registration.Username.Trim();
        state.FirstName = registration.FirstName.Trim();
        state.LastName = registration.LastName.Trim();
        state.CreatedAt = now;
        state.UpdatedAt = now;
        state.IsActive = true;
        // Credentials first: the profile write is the one that can be refused (taken e-mail), and a user only exists
        // once its profile does, so a crash between the two writes leaves no half-registered user behind.
        credentials.State.PasswordHash = Hasher.HashPassword(Id, registration.Password);
        credentials.State.ChangedAt = now;
        await credentials.WriteStateAsync();
        if (!await TryWriteProfileAsync())
        {
            await credentials.ClearStateAsync();
            return UserResult.Fail(UserOutcome.EmailTaken);
        }

        LogRegistered(logger, Id);
        return Ok();
    }

    /// <inheritdoc />
    public Task<UserResult> Get() => Task.FromResult(profile.RecordExists ? Ok() : UserResult.Fail(UserOutcome.NotFound));

    /// <inheritdoc />
    public async Task<UserResult> Update(UserProfileUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (!profile.RecordExists)
        {
            return UserResult.Fail(UserOutcome.NotFound);
        }

        var state = profile.State;
        state.Email = update.Email?.Trim() ?? state.Email;
        state.Username = update.Username?.Trim() ?? state.Username;
        state.FirstName = update.FirstName?.Trim() ?? state.FirstName;
        state.LastName = update.LastName?.Trim() ?? state.LastName;
        state.Phone = update.Phone ?? state.Phone;
        state.DateOfBirth = update.DateOfBirth ?? state.DateOfBirth;
        state.Profile = update.Profile ?? state.Profile;
        state.UpdatedAt = timeProvider.GetUtcNow();
        return await TryWriteProfileAsync() ? Ok() : UserResult.Fail(UserOutcome.EmailTaken);
    }

    /// <inheritdoc />
    public async Task<UserResult> SetPreferences(TravelPreferences preferences)
    {
        ArgumentNullException.ThrowIfNull(preferences);
        if (!profile.RecordExists)
        {
            return UserResult.Fail(UserOutcome.NotFound);
        }

        profile.State.Preferences = preferences;
        profile.State.UpdatedAt = timeProvider.GetUtcNow();
        await profile.WriteStateAsync();
        await SyncMemoryAsync();
        return Ok();
    }

    /// <inheritdoc />
    public async Task<UserResult> Login(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        if (!profile.RecordExists || !credentials.RecordExists)
        {
            return UserResult.Fail(UserOutcome.NotFound);
        }

        var verdict = Hasher.VerifyHashedPassword(Id, credentials.State.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed || !profile.State.IsActive)
        {
            return UserResult.Fail(UserOutcome.InvalidCredentials);
        }

        var now = timeProvider.GetUtcNow();
        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            credentials.State.PasswordHash = Hasher.HashPassword(Id, password);
            credentials.State.ChangedAt = now;
            await credentials.WriteStateAsync();
        }

        profile.State.LastLoginAt = now;
        await profile.WriteStateAsync();
        return Ok();
    }

    /// <inheritdoc />
    public async Task<bool> Erase()
    {
        var existed = profile.RecordExists;
        await profile.ClearStateAsync();
        await credentials.ClearStateAsync();
        DeactivateOnIdle();
        LogErased(logger, Id);
        return existed;
    }

    private string Id => this.GetPrimaryKeyString();

    private async Task<bool> TryWriteProfileAsync()
    {
        try
        {
            await profile.WriteStateAsync();
            return true;
        }
        catch (DbException exception) when (exception.SqlState == UniqueViolation)
        {
            // The unique e-mail index refused the write: nothing was stored, so reload what was.
            LogEmailTaken(logger, Id);
            await profile.ReadStateAsync();
            return false;
        }
    }

    private UserResult Ok()
    {
        var s = profile.State;
        return new UserResult(UserOutcome.Ok, new UserSnapshot(
            Id, s.Email, s.Username, s.FirstName, s.LastName, s.Phone, s.DateOfBirth, s.Profile, s.Preferences, s.Tier,
            s.IsActive, s.IsVerified, s.CreatedAt, s.UpdatedAt, s.LastLoginAt));
    }

    [LoggerMessage(EventId = 1, EventName = "UserRegistered", Level = LogLevel.Information, Message = "User {UserId} registered")]
    private static partial void LogRegistered(ILogger logger, string userId);

    [LoggerMessage(EventId = 2, EventName = "UserEmailTaken", Level = LogLevel.Information, Message = "User {UserId}: e-mail address already in use by another user")]
    private static partial void LogEmailTaken(ILogger logger, string userId);

    [LoggerMessage(EventId = 3, EventName = "UserErased", Level = LogLevel.Information, Message = "User {UserId} erased")]
    private static partial void LogErased(ILogger logger, string userId);
}
