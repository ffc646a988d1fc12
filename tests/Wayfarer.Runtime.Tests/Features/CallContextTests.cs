using Wayfarer.Runtime.Tests.Grains;

namespace Wayfarer.Runtime.Tests.Features;

[Trait("Category", "Unit")]
public sealed class CallContextTests
{
    [Fact]
    public async Task RequestContextValuesFlowToTheCalleeAndOnToItsCalls()
    {
        await using var cluster = await Clusters.StartAsync();
        var first = cluster.GrainFactory.GetGrain<IContextGrain>(Guid.NewGuid());
        var second = cluster.GrainFactory.GetGrain<IContextGrain>(Guid.NewGuid());

        RequestContext.Set("trace", "abc");
        try
        {
            Assert.Equal("abc", await first.ReadContext("trace"));
            Assert.Equal("abc", await first.ReadContextViaOther("trace", second));
        }
        finally
        {
            RequestContext.Clear();
        }

        Assert.Null(await first.ReadContext("trace"));
    }

    [Fact]
    public async Task MutableArgumentsAreCopiedSoTheCalleeCannotChangeTheCallersObject()
    {
        await using var cluster = await Clusters.StartAsync();
        var grain = cluster.GrainFactory.GetGrain<IContextGrain>(Guid.NewGuid());
        var box = new MutableBox { Items = [1, 2] };

        Assert.Equal(3, await grain.MutateAndCount(box));
        Assert.Equal([1, 2], box.Items);
    }

    [Fact]
    public async Task GrainReferencesTravelInsideCopiedArgumentsAndStayCallable()
    {
        await using var cluster = await Clusters.StartAsync();
        var target = cluster.GrainFactory.GetGrain<IContextGrain>(Guid.NewGuid());
        var caller = cluster.GrainFactory.GetGrain<IContextGrain>(Guid.NewGuid());

        var result = await caller.CallThrough(new ReferenceHolder { Target = target, Notes = ["n"] });

        Assert.Equal(target.GetPrimaryKey().ToString(), result);
    }
}
