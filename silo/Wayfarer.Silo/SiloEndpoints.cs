using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Wayfarer.GrainInterfaces.Demo;
using Wayfarer.Runtime;
using Wayfarer.Runtime.Diagnostics;
using Wayfarer.Runtime.Hosting;
using Wayfarer.Runtime.Management;
using Wayfarer.Runtime.Membership;

namespace Wayfarer.Silo;

/// <summary>The silo's HTTP surface. It is a management port (health, metrics, status) meant for the cluster's private
/// network; the public API is the front-end in <c>client/</c>.</summary>
internal static class SiloEndpoints
{
    private const int MaxKeyLength = 200;
    private static readonly DateTimeOffset s_started = DateTimeOffset.UtcNow;

    public static WebApplication MapHealthEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
        app.MapGet("/metrics", (PrometheusMetrics metrics) => Results.Text(metrics.Render(), "text/plain; version=0.0.4; charset=utf-8"));
        return app;
    }

    public static WebApplication MapOperatorEndpoints(this WebApplication app)
    {
        app.MapGet("/silo/status", (IRuntimeDiagnostics diagnostics, IOptions<ClusterOptions> cluster) => new SiloStatus(
            cluster.Value.ServiceId,
            cluster.Value.ClusterId,
            Environment.MachineName,
            s_started,
            diagnostics.ActivationCount,
            diagnostics.PendingCallCount,
            diagnostics.ActivationCountsByType()));
        app.MapPost("/silo/drain", Results<Accepted, ProblemHttpResult> (HttpRequest request, IConfiguration configuration, IHostApplicationLifetime lifetime) =>
        {
            // Draining stops the process, so it needs the operator's token; without one configured it is off.
            var expected = configuration["Wayfarer:Silo:ManagementToken"];
            if (string.IsNullOrEmpty(expected))
            {
                return TypedResults.Problem(detail: "Set Wayfarer:Silo:ManagementToken to enable draining over HTTP (or send SIGTERM).", statusCode: StatusCodes.Status404NotFound, title: "Drain is disabled");
            }

            var given = request.Headers.Authorization.ToString();
            if (!System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.UTF8.GetBytes(given), System.Text.Encoding.UTF8.GetBytes("Bearer " + expected)))
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "A valid management token is required");
            }

            // The same path as SIGTERM: ShuttingDown, no new placements, grains deactivated and persisted, queued calls
            // forwarded, leave the table, exit.
            lifetime.StopApplication();
            return TypedResults.Accepted((string?)null);
        });
        app.MapGet("/cluster", async Task<Results<Ok<IReadOnlyList<SiloView>>, ProblemHttpResult>> (IServiceProvider services, IGrainFactory grains, TimeProvider time, CancellationToken cancellationToken) =>
            services.GetService<IMembershipTable>() is { } table
                ? TypedResults.Ok(await ClusterView.ReadAsync(table, grains, time, cancellationToken))
                : TypedResults.Problem(detail: "This silo runs alone (no ConnectionStrings:Redis).", statusCode: StatusCodes.Status404NotFound, title: "Not clustered"));
        return app;
    }

    /// <summary>The demo counter, on when <c>Wayfarer:Silo:DemoEndpoints</c> is true (<c>./run.sh</c> turns it on).</summary>
    public static WebApplication MapDemoEndpoints(this WebApplication app)
    {
        if (!app.Configuration.GetValue("Wayfarer:Silo:DemoEndpoints", false))
        {
            return app;
        }

        var demo = app.MapGroup("/demo/counters/{key}");
        demo.MapGet("/", async Task<Results<Ok<CounterSnapshot>, ProblemHttpResult>> (string key, IGrainFactory grains) =>
        {
            if (InvalidKey(key) is { } problem)
            {
                return problem;
            }

            try
            {
                return TypedResults.Ok(await grains.GetGrain<ICounterGrain>(key).Get());
            }
            catch (WayfarerException exception) when (exception.IsTransient)
            {
                return Unavailable(exception);
            }
        });
        demo.MapPost("/increment", async Task<Results<Ok<CounterSnapshot>, ProblemHttpResult>> (string key, long? by, IGrainFactory grains) =>
        {
            if (InvalidKey(key) is { } problem)
            {
                return problem;
            }

            var step = by ?? 1;
            if (step is < 1 or > Grains.Demo.CounterGrain.MaxStep)
            {
                return TypedResults.Problem(
                    detail: $"'by' must be between 1 and {Grains.Demo.CounterGrain.MaxStep}.", statusCode: StatusCodes.Status400BadRequest, title: "Invalid step");
            }

            try
            {
                return TypedResults.Ok(await grains.GetGrain<ICounterGrain>(key).Increment(step));
            }
            catch (WayfarerException exception) when (exception.IsTransient)
            {
                return Unavailable(exception);
            }
        });
        return app;
    }

    /// <summary>A retriable cluster error (a silo just died or is draining): 503, so clients retry.</summary>
    private static ProblemHttpResult Unavailable(WayfarerException exception)
        => TypedResults.Problem(detail: exception.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Temporarily unavailable; retry");

    private static ProblemHttpResult? InvalidKey(string key)
        => key.Length is 0 or > MaxKeyLength
            ? TypedResults.Problem(detail: $"The key must be 1 to {MaxKeyLength} characters.", statusCode: StatusCodes.Status400BadRequest, title: "Invalid key")
            : null;

    private sealed record SiloStatus(
        string ServiceId, string ClusterId, string Host, DateTimeOffset StartedAt, int Activations, long PendingCalls, IReadOnlyDictionary<string, int> ActivationsByType);
}
