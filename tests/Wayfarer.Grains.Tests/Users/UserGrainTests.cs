using Npgsql;
using Wayfarer.GrainInterfaces.Users;
using Wayfarer.Testing;

namespace Wayfarer.Grains.Tests.Users;

[Collection(PostgresCollection.Name)]
[Trait("Category", "Integration")]
public sealed class UserGrainTests(PostgresFixture postgres)
{
    [Fact]
    public async Task RegisteredUserSurvivesASiloRestartWithoutItsPasswordInTheProfile()
    {
        await using var domain = await DomainCluster.StartAsync(postgres);
        var id = TestData.NewId();
        var registered = await domain.Grains.GetGrain<IUserGrain>(id).Register(TestData.Registration("ada@example.com"));
        Assert.Equal(UserOutcome.Ok, registered.Outcome);

        await domain.Cluster.RestartAsync();
        var read = await domain.Grains.GetGrain<IUserGrain>(id).Get();

        Assert.Equal(UserOutcome.Ok, read.Outcome);
        Assert.Equal("ada@example.com", read.User!.Email);
        Assert.Equal("Ada", read.User.FirstName);
        await using var connection = new NpgsqlConnection(domain.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT payload::text FROM grain_state WHERE grain_type = 'user' AND state_name = 'profile' AND grain_key = $1", connection);
        command.Parameters.AddWithValue(id);
        var payload = (string)(await command.ExecuteScalarAsync())!;
        Assert.DoesNotContain("passwordHash", payload, StringComparison.Ordinal);
        Assert.DoesNotContain("correct horse", payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmailIsUniqueIgnoringCaseAndTheDatabaseRefusesTheSecondUser()
    {
        await using var domain = await DomainCluster.StartAsync(postgres);
        var first = await domain.Grains.GetGrain<IUserGrain>(TestData.NewId()).Register(TestData.Registration("Same@Example.com"));
        var second = await domain.Grains.GetGrain<IUserGrain>(TestData.NewId()).Register(TestData.Registration("same@EXAMPLE.com"));

        Assert.Equal(UserOutcome.Ok, first.Outcome);
        Assert.Equal(UserOutcome.EmailTaken, second.Outcome);
        Assert.Equal(1L, await CountUsersAsync(domain, "same@example.com"));
    }

    [Fact]
    public async Task ConcurrentRegistrationsOfOneEmailLetExactlyOneWin()
    {
        await using var domain = await DomainCluster.StartAsync(postgres);
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            domain.Grains.GetGrain<IUserGrain>(TestData.NewId()).Register(TestData.Registration("race@example.com"))));

        Assert.Single(results, r => r.Outcome == UserOutcome.Ok);
        Assert.Equal(7, results.Count(r => r.Outcome == UserOutcome.EmailTaken));
        Assert.Equal(1L, await CountUsersAsync(domain, "race@example.com"));
    }

    [Fact]
    public async Task ChangingEmailToATakenOneFailsAndKeepsTheOldProfile()
    {
        await using var domain = await DomainCluster.StartAsync(postgres);
        await domain.Grains.GetGrain<IUserGrain>(TestData.NewId()).Register(TestData.Registration("taken@example.com"));
        var user = domain.Grains.GetGrain<IUserGrain>(TestData.NewId());
        await user.Register(TestData.Registration("mine@example.com"));

        var update = await user.Update(new UserProfileUpdate(Email: "TAKEN@example.com", FirstName: "Changed"));

        Assert.Equal(UserOutcome.EmailTaken, update.Outcome);
        var read = await user.Get();
        Assert.Equal("mine@example.com", read.User!.Email);
        Assert.Equal("Ada", read.User.FirstName);
    }

    [Fact]
    public async Task LoginAcceptsTheRightPasswordOnlyAndRecordsTheTime()
    {
        await using var domain = await DomainCluster.StartAsync(postgres);
        var user = domain.Grains.GetGrain<IUserGrain>(TestData.NewId());
        await user.Register(TestData.Registration("login@example.com"));

        Assert.Equal(UserOutcome.InvalidCredentials, (await user.Login("wrong")).Outcome);
        var ok = await user.Login("correct horse battery staple");

        Assert.Equal(UserOutcome.Ok, ok.Outcome);
        Assert.NotNull(ok.User!.LastLoginAt);
    }

    [Fact]
    public async Task PreferencesAreStructuredAndPersisted()
    {
        await using var domain = await DomainCluster.StartAsync(postgres);
        var id = TestData.NewId();
        await domain.Grains.GetGrain<IUserGrain>(id).Register(TestData.Registration("prefs@example.com"));
        var preferences = new TravelPreferences(BudgetLevel.Luxury, TravelPace.Relaxed, ["museums"], ["vegetarian"], MobilityLevel.Limited, [TransportMode.Train]);

        await domain.Grains.GetGrain<IUserGrain>(id).SetPreferences(preferences);
        await domain.Cluster.RestartAsync();
        var read = await domain.Grains.GetGrain<IUserGrain>(id).Get();

        Assert.Equal(BudgetLevel.Luxury, read.User!.Preferences.BudgetLevel);
        Assert.Equal(["museums"], read.User.Preferences.Interests);
        Assert.Equal([TransportMode.Train], read.User.Preferences.PreferredTransport);
    }

    [Fact]
    public async Task ErasedUserIsGoneAndTheEmailIsFreeAgain()
    {
        await using var domain = await DomainCluster.StartAsync(postgres);
        var user = domain.Grains.GetGrain<IUserGrain>(TestData.NewId());
        await user.Register(TestData.Registration("gone@example.com"));

        Assert.True(await user.Erase());

        Assert.Equal(UserOutcome.NotFound, (await user.Get()).Outcome);
        var again = await domain.Grains.GetGrain<IUserGrain>(TestData.NewId()).Register(TestData.Registration("gone@example.com"));
        Assert.Equal(UserOutcome.Ok, again.Outcome);
    }

    private static async Task<long> CountUsersAsync(DomainCluster domain, string email)
    {
        await using var connection = new NpgsqlConnection(domain.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM users WHERE service_id = $1 AND lower(email) = lower($2)", connection);
        command.Parameters.AddWithValue(domain.ServiceId);
        command.Parameters.AddWithValue(email);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
