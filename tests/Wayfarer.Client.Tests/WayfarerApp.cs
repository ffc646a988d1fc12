using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Wayfarer.Testing;

namespace Wayfarer.Client.Tests;

/// <summary>The API on a fresh PostgreSQL database and a private Redis key prefix, with an in-process silo; one per
/// test class (tests in a class isolate themselves with their own users).</summary>
public class WayfarerApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly Dictionary<string, string?> _settings = new(StringComparer.Ordinal)
    {
        ["Wayfarer:Auth:SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)),
        ["Wayfarer:Auth:MasterKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        ["Wayfarer:Cluster:ServiceId"] = "api-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)),
        ["Wayfarer:RateLimit:UserPermitLimit"] = "100000",
        ["Wayfarer:RateLimit:IpPermitLimit"] = "100000",
        ["Wayfarer:Api:MaxRequestBodyBytes"] = "65536",
        ["Wayfarer:Api:GrainAccess"] = "InProcess",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    public string PostgresConnectionString => _settings["ConnectionStrings:Postgres"]!;

    public string RedisConnectionString => _settings["ConnectionStrings:Redis"]!;

    public string RedisKeyPrefix => _settings["Wayfarer:Api:RedisKeyPrefix"]!;

    public string ServiceId => _settings["Wayfarer:Cluster:ServiceId"]!;

    public virtual async Task InitializeAsync()
    {
        if (!_settings.ContainsKey("ConnectionStrings:Postgres"))
        {
            var postgres = await SharedServers.GetPostgresAsync();
            var redis = await SharedServers.GetRedisAsync();
            _settings["ConnectionStrings:Postgres"] = await postgres.CreateDatabaseAsync("api");
            _settings["ConnectionStrings:Redis"] = redis.ConnectionString;
            _settings["Wayfarer:Api:RedisKeyPrefix"] = $"t{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}:";
            Configure(_settings);
        }

        _ = Server;
    }

    /// <summary>Another front-end instance (with its own in-process silo) on the same database, Redis and keys.</summary>
    public WayfarerApp CreateSibling()
    {
        var sibling = new WayfarerApp();
        foreach (var (key, value) in _settings)
        {
            sibling._settings[key] = value;
        }

        return sibling;
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    /// <summary>Registers a new user, logs in, and returns a client carrying its access token.</summary>
    public async Task<TestUser> CreateUserAsync(string? email = null)
    {
        email ??= $"u{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}@example.com";
        var client = CreateClient();
        var register = await client.PostAsJsonAsync("/api/auth/register", new { email, password = TestUser.Password, username = "traveller", firstName = "Ada", lastName = "Lovelace" });
        Assert.Equal(System.Net.HttpStatusCode.Created, register.StatusCode);
        var id = (await register.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var tokens = await LoginAsync(client, email);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.GetProperty("accessToken").GetString());
        return new TestUser(id, email, client, tokens.GetProperty("refreshToken").GetString()!);
    }

    public static async Task<JsonElement> LoginAsync(HttpClient client, string email)
    {
        var login = await client.PostAsJsonAsync("/api/auth/login", new { email, password = TestUser.Password });
        Assert.Equal(System.Net.HttpStatusCode.OK, login.StatusCode);
        return await login.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Lets a subclass change settings before the host starts.</summary>
    protected virtual void Configure(Dictionary<string, string?> settings)
    {
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
