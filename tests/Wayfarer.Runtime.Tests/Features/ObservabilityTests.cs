using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Wayfarer.Runtime.Diagnostics;
using Wayfarer.Runtime.Tests.Grains;

namespace Wayfarer.Runtime.Tests.Features;

[Trait("Category", "Unit")]
public sealed class ObservabilityTests
{
    [Fact]
    public async Task MetricsCountCallsActivationsAndStorageOperationsOfThisSilo()
    {
        await using var cluster = await Clusters.StartAsync();
        var meter = cluster.ServiceProvider.GetRequiredService<RuntimeMetrics>().Meter;
        var totals = new ConcurrentDictionary<string, double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter == meter)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, v, _, _) => totals.AddOrUpdate(i.Name, v, (_, t) => t + v));
        listener.SetMeasurementEventCallback<double>((i, v, _, _) => totals.AddOrUpdate(i.Name, 1, (_, t) => t + 1));
        listener.Start();

        var grain = cluster.GrainFactory.GetGrain<IStateGrain>(Clusters.Unique("metrics"));
        await grain.Add(1);
        await grain.Add(1);
        await grain.Read();

        Assert.Equal(3, totals.GetValueOrDefault("wayfarer.grain.calls"));
        Assert.Equal(3, totals.GetValueOrDefault("wayfarer.grain.call.duration"));
        Assert.Equal(1, totals.GetValueOrDefault("wayfarer.activations.created"));
        Assert.Equal(3, totals.GetValueOrDefault("wayfarer.storage.operations"));
    }

    [Fact]
    public async Task TracesFlowFromTheCallerIntoTheGrainCall()
    {
        await using var cluster = await Clusters.StartAsync();
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name is "Wayfarer.Runtime" or "test",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        using var source = new ActivitySource("test");
        var grain = cluster.GrainFactory.GetGrain<ILifecycleGrain>(Clusters.Unique("trace"));

        using (var root = source.StartActivity("root"))
        {
            await grain.Echo("x");
            var traceId = root!.TraceId;
            var id = grain.GetGrainId().ToString();
            bool Mine(Activity s) => s.Source.Name == "Wayfarer.Runtime" && (string?)s.GetTagItem("wayfarer.grain.id") == id;
            await Probe.WaitUntil(() => spans.Count(Mine) >= 2, "client and server spans");
            var runtimeSpans = spans.Where(Mine).ToList();
            Assert.All(runtimeSpans, s => Assert.Equal(traceId, s.TraceId));
            Assert.Contains(runtimeSpans, s => s.Kind == ActivityKind.Client);
            Assert.Contains(runtimeSpans, s => s.Kind == ActivityKind.Server && s.DisplayName == "ILifecycleGrain.Echo");
        }
    }
}
