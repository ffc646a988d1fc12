using Wayfarer.Bench.Cluster;

var options = BenchOptions.Parse(args);
await using var servers = await BenchServers.StartAsync();
var report = new Report(options, args);

foreach (var silos in options.Silos)
{
    await using var cluster = await BenchCluster.StartAsync(servers, silos, options.Grains);
    var max = await CallsBenchmark.ClosedLoopAsync(cluster.Grains, cluster.Keys, options);
    report.Calls(silos, "closed loop (max)", max);
    var half = await CallsBenchmark.PacedAsync(cluster.Grains, cluster.Keys, options, max.CallsPerSecond / 2);
    report.Calls(silos, $"paced at {max.CallsPerSecond / 2:N0}/s", half);
}

foreach (var silos in new[] { 2, 3 })
{
    report.Failover(await FailoverBenchmark.RunAsync(servers.Postgres, servers.Redis, silos, options.FailoverGrains, servers.LogDirectory));
}

report.Print();
