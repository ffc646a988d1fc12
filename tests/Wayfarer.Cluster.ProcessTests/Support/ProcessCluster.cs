using System.Diagnostics;
using System.Text;
using Wayfarer.GrainInterfaces.Demo;
using Wayfarer.Runtime;
using Wayfarer.Runtime.Membership;
using Wayfarer.Runtime.Redis;

namespace Wayfarer.Cluster.ProcessTests.Support;

/// <summary>The silo processes of one test (one service id), a client, and their logs for failure messages.</summary>
public sealed class ProcessCluster : IAsyncDisposable
{
    private readonly List<SiloProcess> _all = [];
    private ClientHost? _client;
    private int _started;

    private ProcessCluster(SiloSettings settings) => Settings = settings;

    /// <summary>Shared settings of every silo.</summary>
    public SiloSettings Settings { get; }

    /// <summary>Silos started and neither killed nor stopped by this cluster.</summary>
    public List<SiloProcess> Running { get; } = [];

    /// <summary>The client; available after <see cref="ConnectClientAsync"/>.</summary>
    public IGrainFactory Client => (_client ?? throw new InvalidOperationException("no client yet")).Client;

    /// <summary>Creates an empty cluster with a fresh service id; its logs go under the temp directory.</summary>
    /// <param name="postgres">The PostgreSQL connection string.</param>
    /// <param name="redis">The Redis connection string.</param>
    /// <param name="name">The service id's prefix.</param>
    /// <param name="environment">More environment variables for every silo (configuration such as
    /// <c>Wayfarer__Agents__MaxRunAttempts</c>).</param>
    public static ProcessCluster Create(string postgres, string redis, string name, IReadOnlyDictionary<string, string>? environment = null)
    {
        var serviceId = $"{name}-{Guid.NewGuid():N}"[..Math.Min(name.Length + 13, 60)];
        var logs = Path.Combine(Path.GetTempPath(), "wayfarer-process-tests", serviceId);
        Directory.CreateDirectory(logs);
        var settings = new SiloSettings(postgres, redis, serviceId, logs);
        return new ProcessCluster(environment is null ? settings : settings with { ExtraEnvironment = environment });
    }

    /// <summary>Starts silos: the first alone (it applies the migrations), the rest in parallel.</summary>
    public async Task StartSilosAsync(int count)
    {
        if (count <= 0)
        {
            return;
        }

        await StartSiloAsync();
        await Task.WhenAll(Enumerable.Range(1, count - 1).Select(_ => StartSiloAsync()));
    }

    /// <summary>Starts one more silo and waits until it is ready.</summary>
    public async Task<SiloProcess> StartSiloAsync()
    {
        var silo = await SiloProcess.StartAsync(Settings, $"silo-{Interlocked.Increment(ref _started)}");
        lock (_all)
        {
            _all.Add(silo);
            Running.Add(silo);
        }

        return silo;
    }

    /// <summary>Connects the in-process client.</summary>
    public async Task ConnectClientAsync() => _client = await ClientHost.StartAsync(Settings);

    /// <summary>SIGKILLs a silo.</summary>
    public async Task KillAsync(SiloProcess silo)
    {
        lock (_all)
        {
            Running.Remove(silo);
        }

        await silo.KillAsync();
    }

    /// <summary>SIGTERMs a silo and waits for it to exit.</summary>
    public async Task StopAsync(SiloProcess silo)
    {
        lock (_all)
        {
            Running.Remove(silo);
        }

        await silo.StopAsync();
    }

    /// <summary>The active silos in the Redis membership table.</summary>
    public async Task<IReadOnlyList<SiloAddress>> ActiveMembersAsync()
    {
        using var connection = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(Settings.RedisConnectionString);
        var table = new RedisMembershipTable(connection, Settings.ServiceId, Settings.ClusterId, new RedisClusteringOptions { ConnectionString = Settings.RedisConnectionString });
        var data = await table.ReadAllAsync();
        return [.. data.Entries.Where(r => r.Entry.Status == Runtime.Membership.SiloStatus.Active).Select(r => r.Entry.Silo)];
    }

    /// <summary>Reads every counter through the client, retrying transient errors until <paramref name="timeout"/>.</summary>
    public async Task<Dictionary<string, long>> ReadCountersAsync(IReadOnlyList<string> keys, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        var values = new System.Collections.Concurrent.ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        using var gate = new SemaphoreSlim(32);
        await Task.WhenAll(keys.Select(async key =>
        {
            await gate.WaitAsync();
            try
            {
                while (true)
                {
                    try
                    {
                        values[key] = (await Client.GetGrain<ICounterGrain>(key).Get()).Value;
                        return;
                    }
                    catch (Exception exception) when (CounterLoad.IsTransient(exception) && clock.Elapsed < timeout)
                    {
                        await Task.Delay(100);
                    }
                }
            }
            finally
            {
                gate.Release();
            }
        }));
        return new Dictionary<string, long>(values, StringComparer.Ordinal);
    }

    /// <summary>The tail of every silo's log, for failure messages.</summary>
    public string Logs(int lines = 25)
    {
        var text = new StringBuilder();
        SiloProcess[] all;
        lock (_all)
        {
            all = [.. _all];
        }

        foreach (var silo in all)
        {
            text.AppendLine().AppendLine($"--- {silo}{(silo.HasExited ? " (exited)" : string.Empty)}, log {silo.LogPath}").AppendLine(silo.Tail(lines));
        }

        return text.ToString();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_client is not null)
        {
            await _client.DisposeAsync();
        }

        SiloProcess[] all;
        lock (_all)
        {
            all = [.. _all];
        }

        await Task.WhenAll(all.Select(s => s.DisposeAsync().AsTask()));
    }
}
