using Wayfarer.Runtime.Hosting;
using Wayfarer.Runtime.Reminders;
using Wayfarer.Runtime.Storage;
using Wayfarer.Runtime.Testing;

namespace Wayfarer.Runtime.Tests;

/// <summary>Starts in-process test clusters on in-memory storage with the options a test needs.</summary>
internal static class Clusters
{
    public static async Task<TestCluster> StartAsync(Action<TestClusterBuilder>? configure = null)
    {
        var builder = TestCluster.CreateBuilder()
            .ConfigureSilo(silo => silo.AddMemoryGrainStorageAsDefault().UseMemoryReminderTable());
        configure?.Invoke(builder);
        var cluster = builder.Build();
        await cluster.StartAsync();
        return cluster;
    }

    public static Task<TestCluster> StartAsync(Action<ISiloBuilder> silo) => StartAsync(b => b.ConfigureSilo(silo));

    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}";
}
