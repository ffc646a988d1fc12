using Npgsql;
using StackExchange.Redis;
using Wayfarer.Client.Audit;
using Wayfarer.Client.Infrastructure;
using Wayfarer.Client.Plans;
using Wayfarer.Client.Search;
using Wayfarer.Client.Users;

namespace Wayfarer.Client.Hosting;

/// <summary>PostgreSQL (<c>ConnectionStrings:Postgres</c>) and Redis (<c>ConnectionStrings:Redis</c>) and the services
/// built on them.</summary>
internal static class DataExtensions
{
    public static WebApplicationBuilder AddDataAccess(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var postgres = builder.Configuration.GetConnectionString("Postgres")
            ?? throw new InvalidOperationException("ConnectionStrings:Postgres must be set.");
        var redis = builder.Configuration.GetConnectionString("Redis")
            ?? throw new InvalidOperationException("ConnectionStrings:Redis must be set.");
        services.AddSingleton(_ => NpgsqlDataSource.Create(postgres));
        services.AddSingleton<IConnectionMultiplexer>(_ =>
        {
            var options = ConfigurationOptions.Parse(redis);
            options.AbortOnConnectFail = false;
            return ConnectionMultiplexer.Connect(options);
        });
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<Database>();
        services.AddSingleton<ApiMetrics>();
        services.AddSingleton<RedisKeys>();
        services.AddSingleton<RedisRateLimiter>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<PlanQueries>();
        services.AddSingleton<PlanEvents>();
        services.AddSingleton<UserDirectory>();
        services.AddSingleton<UserData>();
        services.AddSingleton<UserExport>();
        services.AddSingleton<UserErasure>();
        services.AddSingleton<IUserDataEraser, MemoryDataEraser>();
        return builder;
    }
}
