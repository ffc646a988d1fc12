using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Wayfarer.Client.Agents;
using Wayfarer.Client.ApiKeys;
using Wayfarer.Client.Auth;
using Wayfarer.Client.Costs;
using Wayfarer.Client.Infrastructure;
using Wayfarer.Client.Plans;
using Wayfarer.Client.Search;
using Wayfarer.Client.Sessions;
using Wayfarer.Client.Users;

namespace Wayfarer.Client.Hosting;

/// <summary>The API's cross-cutting defaults (JSON, problem details, OpenAPI, health, limits) and its routes.</summary>
internal static class ApiExtensions
{
    public static WebApplicationBuilder AddApiDefaults(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.SectionName).ValidateOnStart()
            .Validate(o => o.MaxRequestBodyBytes > 0, $"{ApiOptions.SectionName}:{nameof(ApiOptions.MaxRequestBodyBytes)} must be positive.");
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.SectionName).ValidateOnStart()
            .Validate(o => o.UserPermitLimit > 0 && o.IpPermitLimit > 0 && o.Window > TimeSpan.Zero,
                $"{RateLimitOptions.SectionName}: permit limits and window must be positive.");
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddHttpContextAccessor();
        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
            o.SerializerOptions.MaxDepth = 32;
        });
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddOpenApi();
        services.AddLedgerApi();
        services.AddHealthChecks()
            .AddCheck<PostgresHealthCheck>("postgres", tags: ["ready"])
            .AddCheck<RedisHealthCheck>("redis", tags: ["ready"])
            .AddCheck<ClusterHealthCheck>("cluster", tags: ["ready"]);
        builder.WebHost.ConfigureKestrel((context, kestrel) =>
            kestrel.Limits.MaxRequestBodySize = context.Configuration.GetValue($"{ApiOptions.SectionName}:{nameof(ApiOptions.MaxRequestBodyBytes)}", new ApiOptions().MaxRequestBodyBytes));
        return builder;
    }

    public static WebApplication UseApiDefaults(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<BodySizeLimitMiddleware>();
        app.UseAuthentication();
        app.UseMiddleware<RateLimitMiddleware>();
        app.UseAuthorization();
        return app;
    }

    public static WebApplication MapWayfarerApi(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        app.MapAuthApi();
        app.MapUsersApi();
        app.MapApiKeysApi();
        app.MapPlansApi();
        app.MapPlanVersionsApi();
        app.MapPlanSharesApi();
        app.MapPlanEventsApi();
        app.MapSessionsApi();
        app.MapAgentsApi();
        app.MapNotificationsApi();
        app.MapSearchApi();
        app.MapLedgerApi();
        return app;
    }
}
