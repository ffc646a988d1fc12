using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Wayfarer.Runtime;
using Wayfarer.Runtime.Postgres;
using Wayfarer.Runtime.Serialization;
using Wayfarer.Runtime.Testing;

namespace Wayfarer.Bench;

/// <summary><c>storage</c>: persisted writes through grains (<c>IPersistentState.WriteStateAsync</c>) versus raw Npgsql
/// single-row upserts of the same JSON, same server, same connection string, same concurrency.</summary>
internal static class StorageBenchmark
{
    public const double TargetRatio = 0.80;

    private const string GrainType = "writer"; // WriterGrain's grain type name
    private const string StateName = "bench";

    private const string CreateRawTableSql = """
        CREATE TABLE IF NOT EXISTS bench_raw_state (
            service_id  text        NOT NULL,
            grain_type  text        NOT NULL,
            grain_key   text        NOT NULL,
            state_name  text        NOT NULL,
            version     bigint      NOT NULL,
            payload     jsonb       NULL,
            modified_at timestamptz NOT NULL DEFAULT now(),
            CONSTRAINT bench_raw_state_pkey PRIMARY KEY (service_id, grain_type, grain_key, state_name)
        ) WITH (fillfactor = 80)
        """;

    private const string UpsertSql = """
        INSERT INTO bench_raw_state (service_id, grain_type, grain_key, state_name, version, payload, modified_at)
        VALUES ($1, $2, $3, $4, 1, $5, now())
        ON CONFLICT (service_id, grain_type, grain_key, state_name)
        DO UPDATE SET payload = EXCLUDED.payload, version = bench_raw_state.version + 1, modified_at = now()
        """;

    public sealed class PathResult(string path)
    {
        public string Path { get; } = path;

        public long Writes { get; set; }

        public TimeSpan Elapsed { get; set; }

        public TimeSpan ClientCpu { get; set; }

        public TimeSpan? ServerCpu { get; set; }

        public long AllocatedBytes { get; set; }

        public TimeSpan MachineBusy { get; set; }

        /// <summary>WAL fsyncs (pg_stat_wal.wal_sync) during the measured windows: group-commit efficiency.</summary>
        public long WalSyncs { get; set; }

        /// <summary>Cores used by processes other than this one and its PostgreSQL (owned server only).</summary>
        public double OtherCoresBusy => ServerCpu is { } server && MachineBusy > TimeSpan.Zero ? Math.Max(0, (MachineBusy - ClientCpu - server) / Elapsed) : double.NaN;

        public LatencyHistogram Latency { get; } = new();

        public double PerSecond => Writes / Elapsed.TotalSeconds;
    }

    public sealed record Result(int Grains, int Writers, PathResult Raw, PathResult Grain)
    {
        public double Ratio => Grain.PerSecond / Raw.PerSecond;
    }

    public static async Task<VerbReport> RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        Console.WriteLine(options.PostgresConnectionString is null ? "storage: starting a durable throwaway PostgreSQL ..." : "storage: using the --pg server ...");
        await using var server = await BenchPostgres.StartAsync(options.PostgresConnectionString, cancellationToken);
        var connectionString = server.ConnectionString;
        if (!string.IsNullOrWhiteSpace(options.PostgresOptions))
        {
            connectionString = new NpgsqlConnectionStringBuilder(connectionString.TrimEnd(';') + ";" + options.PostgresOptions).ConnectionString;
        }
        await new PostgresMigrator(new PostgresMigrationOptions { ConnectionString = connectionString }).MigrateAsync(cancellationToken);
        await using var raw = NpgsqlDataSource.Create(connectionString);
        await using (var create = raw.CreateCommand(CreateRawTableSql))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var settings = await server.DescribeAsync(cancellationToken) + Environment.NewLine + "Npgsql connection string (both paths, password elided): `"
            + new NpgsqlConnectionStringBuilder(connectionString) { Password = null }.ConnectionString + "`" + Environment.NewLine;
        var serviceId = "bench-" + Guid.NewGuid().ToString("N")[..12];
        var builder = TestCluster.CreateBuilder()
            .ConfigureSilo(silo => silo.AddPostgresGrainStorageAsDefault(o => o.ConnectionString = connectionString));
        builder.ServiceId = serviceId;
        var cluster = builder.Build();
        await cluster.StartAsync(cancellationToken);
        var payloadBytes = BenchState.PayloadBytes(123, 456_789);

        var results = new List<Result>();
        try
        {
            long keyBase = 0;
            foreach (var grains in options.Grains)
            {
                results.Add(await RunScenarioAsync(cluster.GrainFactory, raw, server, serviceId, grains, keyBase, options, cancellationToken));
                keyBase += grains;
            }
        }
        finally
        {
            await cluster.StopAsync(CancellationToken.None);
            if (!server.IsOwned)
            {
                await using var cleanup = raw.CreateCommand("DELETE FROM bench_raw_state WHERE service_id = $1; DELETE FROM grain_state WHERE service_id = $1");
                cleanup.Parameters.Add(new NpgsqlParameter<string> { TypedValue = serviceId });
                await cleanup.ExecuteNonQueryAsync(CancellationToken.None);
            }
        }

        return BuildReport(options, results, settings, payloadBytes);
    }

    private static async Task<Result> RunScenarioAsync(
        IGrainFactory factory, NpgsqlDataSource raw, BenchPostgres server, string serviceId, int grainCount, long keyBase, BenchOptions options, CancellationToken cancellationToken)
    {
        var writers = options.Writers;
        Console.WriteLine($"storage: {writers} writers over {grainCount:N0} grains/rows: setup, then {options.Rounds} × (raw, grains), {options.Duration.TotalSeconds / options.Rounds:F1} s each after a {options.Warmup.TotalSeconds:F0} s warm-up per path ...");
        var grains = new IWriterGrain[grainCount];
        var keys = new string[grainCount];
        for (var i = 0; i < grainCount; i++)
        {
            grains[i] = factory.GetGrain<IWriterGrain>(keyBase + i);
            keys[i] = GrainId.KeyOf(keyBase + i);
        }

        var rawStates = new BenchState[writers];
        for (var w = 0; w < writers; w++)
        {
            rawStates[w] = new BenchState();
        }

        Task GrainWrite(int writer, int index, long sequence) => grains[index].Write(sequence);
        Task RawWrite(int writer, int index, long sequence) => RawUpsertAsync(raw, serviceId, keys[index], keyBase + index, rawStates[writer], sequence);

        // Setup, not measured: every grain activated (its state read) and its row inserted; every raw row inserted.
        await ForEachAsync(grainCount, writers, i => GrainWrite(0, i, 0), cancellationToken);
        await ForEachAsync(grainCount, writers, i => RawUpsertAsync(raw, serviceId, keys[i], keyBase + i, new BenchState(), 0), cancellationToken);

        var rawResult = new PathResult("raw Npgsql upsert");
        var grainResult = new PathResult("grain WriteStateAsync");
        var slice = options.Duration / options.Rounds;
        for (var round = 0; round < options.Rounds; round++)
        {
            var warmup = round == 0 ? options.Warmup : TimeSpan.Zero;
            await RunPhaseAsync(rawResult, RawWrite, writers, grainCount, warmup, slice, server, cancellationToken);
            Console.WriteLine($"  round {round + 1} raw:   {rawResult.PerSecond:N0} writes/s so far");
            await RunPhaseAsync(grainResult, GrainWrite, writers, grainCount, warmup, slice, server, cancellationToken);
            Console.WriteLine($"  round {round + 1} grain: {grainResult.PerSecond:N0} writes/s so far");
        }

        var result = new Result(grainCount, writers, rawResult, grainResult);
        Console.WriteLine($"  ratio grain/raw = {result.Ratio:P1}");
        return result;
    }

    private static async Task RawUpsertAsync(NpgsqlDataSource raw, string serviceId, string key, long owner, BenchState state, long sequence)
    {
        // What an application writing its own row would do: fill the document, serialize it with the same options the
        // grain storage uses, one parameterised upsert on a pooled connection.
        BenchState.Fill(state, owner, sequence);
        var payload = JsonSerializer.Serialize(state, GrainJson.Default);
        await using var command = raw.CreateCommand(UpsertSql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = serviceId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = GrainType });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = StateName });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = payload });
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Runs <paramref name="writers"/> closed-loop writers; writer w owns indexes w, w+writers, ... so no two
    /// writers ever write the same grain/row at once. Adds what was measured to <paramref name="into"/>.</summary>
    private static async Task RunPhaseAsync(
        PathResult into, Func<int, int, long, Task> write, int writers, int grainCount, TimeSpan warmup, TimeSpan duration, BenchPostgres server, CancellationToken cancellationToken)
    {
        var phase = new StrongBox<int>();
        var histograms = new LatencyHistogram[writers];
        var counts = new long[writers];
        var tasks = new Task[writers];
        for (var w = 0; w < writers; w++)
        {
            var writer = w;
            histograms[w] = new LatencyHistogram();
            tasks[w] = Task.Run(async () =>
            {
                var histogram = histograms[writer];
                var index = writer % grainCount;
                var step = writers <= grainCount ? writers : grainCount;
                long sequence = 1_000_000L * (writer + 1);
                while (true)
                {
                    var current = Volatile.Read(ref phase.Value);
                    if (current == 2)
                    {
                        return;
                    }

                    var started = Stopwatch.GetTimestamp();
                    await write(writer, index, ++sequence);
                    var elapsed = Stopwatch.GetTimestamp() - started;
                    if (current == 1)
                    {
                        histogram.Record(elapsed);
                        counts[writer]++;
                    }

                    index += step;
                    if (index >= grainCount)
                    {
                        index = writer % grainCount;
                    }
                }
            }, CancellationToken.None);
        }

        try
        {
            if (warmup > TimeSpan.Zero)
            {
                await Task.Delay(warmup, cancellationToken);
            }

            var walBefore = await WalSyncsAsync(server, cancellationToken);
            var serverCpu = server.ServerCpu();
            var start = ResourceSnapshot.Take();
            Volatile.Write(ref phase.Value, 1);
            await Task.Delay(duration, cancellationToken);
            Volatile.Write(ref phase.Value, 2);
            var delta = ResourceSnapshot.Take().Since(start);
            var serverCpuAfter = server.ServerCpu();
            var walAfter = await WalSyncsAsync(server, cancellationToken);
            await Task.WhenAll(tasks);
            into.WalSyncs += walAfter - walBefore;

            into.Elapsed += delta.Elapsed;
            into.ClientCpu += delta.Cpu;
            into.AllocatedBytes += delta.AllocatedBytes;
            into.MachineBusy += delta.MachineBusy;
            if (serverCpu is { } before && serverCpuAfter is { } after)
            {
                into.ServerCpu = (into.ServerCpu ?? TimeSpan.Zero) + (after - before);
            }

            for (var w = 0; w < writers; w++)
            {
                into.Writes += counts[w];
                into.Latency.Add(histograms[w]);
            }
        }
        finally
        {
            Volatile.Write(ref phase.Value, 2);
        }
    }

    private static async Task<long> WalSyncsAsync(BenchPostgres server, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT wal_sync FROM pg_stat_wal", connection);
        return await command.ExecuteScalarAsync(cancellationToken) is long syncs ? syncs : 0;
    }

    private static async Task ForEachAsync(int count, int concurrency, Func<int, Task> action, CancellationToken cancellationToken)
    {
        var next = -1;
        var workers = Enumerable.Range(0, Math.Min(count, concurrency)).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count && !cancellationToken.IsCancellationRequested)
            {
                await action(i);
            }
        }, CancellationToken.None));
        await Task.WhenAll(workers);
        cancellationToken.ThrowIfCancellationRequested();
    }

    private static VerbReport BuildReport(BenchOptions options, List<Result> results, string settings, int payloadBytes)
    {
        var report = new VerbReport("storage", "`storage` — persisted writes: grains vs raw Npgsql upserts");
        report.Body.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"{options.Writers} closed-loop writers; writer *w* owns grains/rows *w*, *w*+{options.Writers}, … (never two writers on one grain or row). **Grain path**: `IWriterGrain.Write(seq)` → the grain fills its `IPersistentState<BenchState>` and awaits `WriteStateAsync()` (PostgresGrainStorage: optimistic `UPDATE … WHERE version = $6 RETURNING version`). **Raw path**: fill the same `BenchState`, `JsonSerializer.Serialize` with `GrainJson.Default`, one `INSERT … ON CONFLICT (pk) DO UPDATE` into `bench_raw_state` (same columns, key, jsonb payload and fillfactor as `grain_state`) on an `NpgsqlDataSource` built from the same connection string. Rows are created before measuring, so both paths measure updates of existing rows. Each path gets a {options.Warmup.TotalSeconds:F0} s warm-up, then {options.Rounds} alternating raw/grain slices of {(options.Duration / options.Rounds).TotalSeconds:F1} s are summed (total {options.Duration.TotalSeconds:F0} s per path). Payload: **{payloadBytes} bytes** of JSON per write (`BenchState`: 5 scalars, a timestamp, 4 tags, a nested address)."))
            .AppendLine();
        var table = new MarkdownTable("Grains/rows", "Path ", "Writes/s", "p50 µs", "p99 µs", "p99.9 µs", "max µs", ".NET CPU µs/write", "PG CPU µs/write", "WAL fsyncs/write", "alloc B/write", "other procs' cores", "grain ÷ raw");
        foreach (var r in results)
        {
            foreach (var p in new[] { r.Raw, r.Grain })
            {
                table.Row(r.Grains, p.Path, p.PerSecond, p.Latency.PercentileMicros(50), p.Latency.PercentileMicros(99), p.Latency.PercentileMicros(99.9), p.Latency.MaxMicros,
                    p.ClientCpu.TotalMicroseconds / p.Writes, p.ServerCpu is { } s ? s.TotalMicroseconds / p.Writes : double.NaN, (double)p.WalSyncs / p.Writes, (double)p.AllocatedBytes / p.Writes, p.OtherCoresBusy,
                    ReferenceEquals(p, r.Grain) ? r.Ratio.ToString("P1", CultureInfo.InvariantCulture) : "");
            }
        }

        report.Body.Append(table).AppendLine();
        report.Body.Append(settings);
        foreach (var r in results)
        {
            report.Targets.Add(($"persisted writes ≥ 80 % of raw upserts ({r.Writers} writers, {r.Grains:N0} grains)", r.Ratio >= TargetRatio,
                string.Create(CultureInfo.InvariantCulture, $"{r.Grain.PerSecond:N0} vs {r.Raw.PerSecond:N0} writes/s = {r.Ratio:P1}")));
        }

        return report;
    }
}
