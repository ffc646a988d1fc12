using Wayfarer.Runtime.Cluster.Tests.Support;
using Wayfarer.Runtime.Directory;
using Wayfarer.Runtime.Membership;

namespace Wayfarer.Runtime.Cluster.Tests.Directory;

/// <summary>The grain directory contract: every <see cref="IGrainDirectory"/> passes these tests.</summary>
/// <remarks>Each test uses its own service id, so implementations may share one backing store.</remarks>
public abstract partial class GrainDirectoryContractTests : IAsyncLifetime
{
    private static long s_generation;

    /// <summary>Creates a directory for a service id; called once or more per test.</summary>
    protected abstract IGrainDirectory CreateDirectory(string serviceId);

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task LookupOfAnUnregisteredGrainGivesNull()
    {
        var directory = NewDirectory();

        Assert.Null(await directory.LookupAsync(NewGrainId()));
    }

    [Fact]
    public async Task RegisterReturnsTheWinner()
    {
        var directory = NewDirectory();
        var grainId = NewGrainId();
        var first = At(grainId, NewSilo());
        var second = At(grainId, NewSilo());

        Assert.Equal(first, await directory.RegisterAsync(first));
        Assert.Equal(first, await directory.RegisterAsync(second));
        Assert.Equal(first, await directory.RegisterAsync(first));

        Assert.Equal(first, await directory.LookupAsync(grainId));
    }

    [Fact]
    public async Task RegisterNeverOverwritesUnlessTheCallerNamesTheCurrentEntry()
    {
        var directory = NewDirectory();
        var grainId = NewGrainId();
        var current = At(grainId, NewSilo());
        var replacement = At(grainId, NewSilo());
        await directory.RegisterAsync(current);

        Assert.Equal(current, await directory.RegisterAsync(replacement));
        Assert.Equal(current, await directory.RegisterAsync(replacement, At(grainId, current.Silo)));
        Assert.Equal(current, await directory.RegisterAsync(replacement, current with { Silo = NewSilo() }));
        Assert.Equal(current, await directory.RegisterAsync(replacement, replacement));
        Assert.Equal(current, await directory.LookupAsync(grainId));

        Assert.Equal(replacement, await directory.RegisterAsync(replacement, current));
        Assert.Equal(replacement, await directory.LookupAsync(grainId));
        Assert.Equal(replacement, await directory.RegisterAsync(At(grainId, NewSilo()), current));
    }

    [Fact]
    public async Task RegisterNamingAPreviousEntryOfAnUnregisteredGrainRegisters()
    {
        var directory = NewDirectory();
        var grainId = NewGrainId();
        var address = At(grainId, NewSilo());

        Assert.Equal(address, await directory.RegisterAsync(address, At(grainId, NewSilo())));
        Assert.Equal(address, await directory.LookupAsync(grainId));
    }

    [Fact]
    public async Task RegisterNamingAnotherGrainsEntryIsRefused()
    {
        var directory = NewDirectory();
        var address = At(NewGrainId(), NewSilo());

        await Assert.ThrowsAsync<ArgumentException>(() => directory.RegisterAsync(address, At(NewGrainId(), address.Silo)));
    }

    [Fact]
    public async Task ConcurrentRegistrationsHaveOneWinner()
    {
        const int Registrations = 20;
        var directory = NewDirectory();
        var grainId = NewGrainId();
        var addresses = Enumerable.Range(0, Registrations).Select(_ => At(grainId, NewSilo())).ToList();

        var results = await StartGate.RunTogetherAsync(Registrations, i => directory.RegisterAsync(addresses[i]));

        var winner = Assert.Single(results.Distinct());
        Assert.Contains(winner, addresses);
        Assert.Equal(winner, await directory.LookupAsync(grainId));
    }

    [Fact]
    public async Task ConcurrentReplacementsNamingTheSameEntryHaveOneWinner()
    {
        const int Registrations = 20;
        var directory = NewDirectory();
        var grainId = NewGrainId();
        var dead = At(grainId, NewSilo());
        await directory.RegisterAsync(dead);
        var addresses = Enumerable.Range(0, Registrations).Select(_ => At(grainId, NewSilo())).ToList();

        var results = await StartGate.RunTogetherAsync(Registrations, i => directory.RegisterAsync(addresses[i], dead));

        var winner = Assert.Single(results.Distinct());
        Assert.Contains(winner, addresses);
        Assert.Equal(winner, await directory.LookupAsync(grainId));
    }

    [Fact]
    public async Task UnregisterRemovesTheCallersEntry()
    {
        var directory = NewDirectory();
        var address = At(NewGrainId(), NewSilo());
        await directory.RegisterAsync(address);

        Assert.True(await directory.UnregisterAsync(address));

        Assert.Null(await directory.LookupAsync(address.GrainId));
        Assert.False(await directory.UnregisterAsync(address));
        var next = At(address.GrainId, NewSilo());
        Assert.Equal(next, await directory.RegisterAsync(next));
    }

    [Fact]
    public async Task UnregisterWithAnotherActivationIdDoesNothing()
    {
        var directory = NewDirectory();
        var address = At(NewGrainId(), NewSilo());
        await directory.RegisterAsync(address);

        Assert.False(await directory.UnregisterAsync(address with { ActivationId = ActivationId.NewId() }));
        Assert.False(await directory.UnregisterAsync(At(address.GrainId, NewSilo())));

        Assert.Equal(address, await directory.LookupAsync(address.GrainId));
    }

    protected IGrainDirectory NewDirectory() => CreateDirectory(Ids.New("svc"));

    protected static GrainId NewGrainId(string type = "trip") => new(type, Guid.NewGuid().ToString("N"));

    protected static SiloAddress NewSilo(string host = "10.0.0.7") => new(host, 11111, Interlocked.Increment(ref s_generation));

    protected static GrainAddress At(GrainId grainId, SiloAddress silo) => new(grainId, silo, ActivationId.NewId());
}
