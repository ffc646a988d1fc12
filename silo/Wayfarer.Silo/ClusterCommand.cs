using System.Globalization;
using Wayfarer.Runtime;
using Wayfarer.Runtime.Client;
using Wayfarer.Runtime.Management;
using Wayfarer.Runtime.Membership;
using Wayfarer.Runtime.Redis;

namespace Wayfarer.Silo;

/// <summary><c>silo cluster</c>: connects to the cluster as a client and prints every silo with its status, heartbeat
/// age and activation counts.</summary>
internal static class ClusterCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var redis = builder.Configuration.GetConnectionString("Redis");
        if (string.IsNullOrWhiteSpace(redis))
        {
            await Console.Error.WriteLineAsync("ConnectionStrings:Redis is not set (e.g. ConnectionStrings__Redis=127.0.0.1:6379 in the environment).");
            return 2;
        }

        builder.UseWayfarerClient(client => client.UseRedisClustering(o => o.ConnectionString = redis));
        using var host = builder.Build();
        try
        {
            await host.StartAsync();
        }
        catch (SiloUnavailableException exception)
        {
            await Console.Error.WriteLineAsync(exception.Message);
            return 1;
        }

        var views = await ClusterView.ReadAsync(
            host.Services.GetRequiredService<IMembershipTable>(), host.Services.GetRequiredService<IClusterClient>(), TimeProvider.System);
        Console.WriteLine($"{"silo",-36} {"status",-13} {"heartbeat",10} {"activations",12}  by type");
        foreach (var view in views)
        {
            var age = view.HeartbeatAge.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
            var count = view.Activations?.ToString(CultureInfo.InvariantCulture) ?? (view.Error is null ? "-" : "?");
            var byType = view.ActivationsByType is null ? view.Error ?? string.Empty
                : string.Join(", ", view.ActivationsByType.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
            Console.WriteLine($"{view.Silo,-36} {view.Status,-13} {age,10} {count,12}  {byType}");
        }

        await host.StopAsync();
        return 0;
    }
}
