using Wayfarer.Runtime.Filters;
using Wayfarer.Runtime.Tests.Grains;

namespace Wayfarer.Runtime.Tests.Features;

[Trait("Category", "Unit")]
public sealed class FilterTests
{
    [Fact]
    public async Task IncomingAndOutgoingFiltersRunInRegistrationOrderAroundTheCall()
    {
        await using var cluster = await Clusters.StartAsync(silo => silo
            .AddOutgoingGrainCallFilter(async c => { Log(c, "out1"); await c.Invoke(); })
            .AddOutgoingGrainCallFilter(async c => { Log(c, "out2"); await c.Invoke(); })
            .AddIncomingGrainCallFilter(async c => { Log(c, "in1"); await c.Invoke(); })
            .AddIncomingGrainCallFilter(async c => { Log(c, "in2"); await c.Invoke(); }));
        var name = Clusters.Unique("order");

        var result = await cluster.GrainFactory.GetGrain<IFilteredGrain>("f").Hello(name);

        Assert.Equal("hello " + name, result);
        Assert.Equal(["out1", "out2", "in1", "in2", "grain"], Probe.Entries(name));
    }

    [Fact]
    public async Task AFilterCanReplaceTheResult()
    {
        await using var cluster = await Clusters.StartAsync(silo => silo.AddIncomingGrainCallFilter(async c =>
        {
            await c.Invoke();
            if (c.Method.Name == nameof(IFilteredGrain.Hello))
            {
                c.Result = ((string)c.Result!).ToUpperInvariant();
            }
        }));

        Assert.Equal("HELLO WORLD", await cluster.GrainFactory.GetGrain<IFilteredGrain>("f").Hello("world"));
    }

    [Fact]
    public async Task AFilterCanRetryTheCall()
    {
        await using var cluster = await Clusters.StartAsync(silo => silo.AddOutgoingGrainCallFilter(async c =>
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await c.Invoke();
                    return;
                }
                catch (InvalidOperationException) when (attempt < 5)
                {
                    // retry
                }
            }
        }));
        var probe = Clusters.Unique("flaky");

        Assert.Equal(3, await cluster.GrainFactory.GetGrain<IFilteredGrain>("f").Flaky(probe, failures: 2));
    }

    private static void Log(IGrainCallContext context, string entry)
    {
        if (context.Request.GetArgument(0) is string name)
        {
            Probe.Log(name, entry);
        }
    }
}
