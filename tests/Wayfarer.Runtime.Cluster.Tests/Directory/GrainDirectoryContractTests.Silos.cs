using Wayfarer.Runtime.Directory;

namespace Wayfarer.Runtime.Cluster.Tests.Directory;

/// <content>Dead silos, and grain ids of every shape.</content>
public abstract partial class GrainDirectoryContractTests
{
    [Fact]
    public async Task DeadSiloEntriesCanBeReplacedByNamingThem()
    {
        var directory = NewDirectory();
        var deadSilo = NewSilo();
        var grainId = NewGrainId();
        var onDeadSilo = At(grainId, deadSilo);
        await directory.RegisterAsync(onDeadSilo);

        var stale = await directory.LookupAsync(grainId);
        Assert.Equal(onDeadSilo, stale);
        var replacement = At(grainId, NewSilo());
        Assert.Equal(replacement, await directory.RegisterAsync(replacement, stale));

        // The entry no longer points at the dead silo, so unregistering the silo leaves it alone.
        await directory.UnregisterSilosAsync([deadSilo]);
        Assert.Equal(replacement, await directory.LookupAsync(grainId));
    }

    [Fact]
    public async Task UnregisterSilosRemovesOnlyThatSilosEntries()
    {
        var directory = NewDirectory();
        var dead = NewSilo();
        var alsoDead = NewSilo();
        var alive = NewSilo();
        var onDead = new List<GrainAddress>();
        var onAlive = new List<GrainAddress>();
        for (var i = 0; i < 300; i++)
        {
            onDead.Add(await directory.RegisterAsync(At(NewGrainId(), i % 3 == 0 ? alsoDead : dead)));
            onAlive.Add(await directory.RegisterAsync(At(NewGrainId(), alive)));
        }

        var moved = onDead[1];
        var movedTo = At(moved.GrainId, alive);
        Assert.Equal(movedTo, await directory.RegisterAsync(movedTo, moved));
        var unregistered = onDead[2];
        Assert.True(await directory.UnregisterAsync(unregistered));

        await directory.UnregisterSilosAsync([dead, alsoDead, NewSilo()]);

        foreach (var address in onDead.Where(a => a != moved))
        {
            Assert.Null(await directory.LookupAsync(address.GrainId));
        }

        foreach (var address in onAlive)
        {
            Assert.Equal(address, await directory.LookupAsync(address.GrainId));
        }

        Assert.Equal(movedTo, await directory.LookupAsync(moved.GrainId));
    }

    [Fact]
    public async Task UnregisterSilosOfASiloWithNoEntriesDoesNothing()
    {
        var directory = NewDirectory();
        var address = await directory.RegisterAsync(At(NewGrainId(), NewSilo()));

        await directory.UnregisterSilosAsync([NewSilo()]);
        await directory.UnregisterSilosAsync([]);

        Assert.Equal(address, await directory.LookupAsync(address.GrainId));
    }

    public static TheoryData<string, string> OddGrainIds() => new()
    {
        { "trip", string.Empty },
        { "trip", "a/b/c" },
        { "trip", "with space and\ttab" },
        { "trip", "new\nline\r\n" },
        { "trip", "Zürich/東京/🧳" },
        { "trip", "{hash-tag}:colon*glob?[x]" },
        { "trip", "quote\"apostrophe'back\\slash" },
        { "trip", "nul\0inside" },
        { "trip", "dir:trip/x" },
        { "trip", new string('x', 4000) },
        { "tr ip:ü{}", "42+extension" },
    };

    [Theory]
    [MemberData(nameof(OddGrainIds))]
    public async Task KeysWithAnyCharactersWork(string type, string key)
    {
        var directory = NewDirectory();
        var grainId = new GrainId(type, key);
        var prefixOfIt = new GrainId(type, key + "x");
        var address = At(grainId, NewSilo("ホスト"));

        Assert.Equal(address, await directory.RegisterAsync(address));
        Assert.Null(await directory.LookupAsync(prefixOfIt));
        var other = await directory.RegisterAsync(At(prefixOfIt, address.Silo));

        Assert.Equal(address, await directory.LookupAsync(grainId));
        Assert.Equal(address, await directory.RegisterAsync(At(grainId, NewSilo()), null));
        Assert.False(await directory.UnregisterAsync(address with { ActivationId = ActivationId.NewId() }));
        Assert.True(await directory.UnregisterAsync(address));
        Assert.Null(await directory.LookupAsync(grainId));
        Assert.Equal(other, await directory.LookupAsync(prefixOfIt));

        await directory.UnregisterSilosAsync([address.Silo]);
        Assert.Null(await directory.LookupAsync(prefixOfIt));
    }

    [Fact]
    public async Task DirectoriesOfOtherServicesAreIndependent()
    {
        var first = NewDirectory();
        var second = NewDirectory();
        var grainId = NewGrainId();
        var address = At(grainId, NewSilo());

        await first.RegisterAsync(address);

        Assert.Null(await second.LookupAsync(grainId));
        var elsewhere = At(grainId, NewSilo());
        Assert.Equal(elsewhere, await second.RegisterAsync(elsewhere));
        Assert.Equal(address, await first.LookupAsync(grainId));
    }
}
