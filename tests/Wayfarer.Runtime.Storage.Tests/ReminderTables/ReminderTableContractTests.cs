using Wayfarer.Runtime.Reminders;
using Wayfarer.Runtime.Storage.Tests.Support;

namespace Wayfarer.Runtime.Storage.Tests.ReminderTables;

/// <summary>The reminder table contract: every <see cref="IReminderTable"/> passes these tests.</summary>
/// <remarks>Each test takes its own service id, so implementations may share one backing store across tests.</remarks>
public abstract class ReminderTableContractTests : IAsyncLifetime
{
    protected static readonly DateTimeOffset Start = new(2031, 5, 17, 9, 30, 0, TimeSpan.Zero);

    private readonly List<IReminderTable> _tables = [];

    /// <summary>Creates a table for a service id; called once or more per test.</summary>
    protected abstract IReminderTable CreateTable(string serviceId);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var table in _tables)
        {
            if (table is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task UpsertReturnsANewETagEachTime()
    {
        var table = await NewTableAsync();
        var entry = Entry(NewGrainId(), "check-in");

        var eTags = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            eTags.Add(await table.UpsertRowAsync(entry with { Period = TimeSpan.FromMinutes(i + 1) }));
        }

        Assert.Equal(eTags.Count, eTags.Distinct().Count());
        var stored = await table.ReadRowAsync(entry.GrainId, entry.ReminderName);
        Assert.NotNull(stored);
        Assert.Equal(eTags[^1], stored.ETag);
        Assert.Equal(TimeSpan.FromMinutes(5), stored.Period);
    }

    [Fact]
    public async Task ReadRowReturnsTheUpsertedValuesWithTheirETag()
    {
        var table = await NewTableAsync();
        var entry = Entry(NewGrainId(), "check-in");

        var eTag = await table.UpsertRowAsync(entry with { ETag = "ignored" });
        var stored = await table.ReadRowAsync(entry.GrainId, entry.ReminderName);

        Assert.Equal(entry with { ETag = eTag }, stored);
    }

    [Fact]
    public async Task ReadRowOfAMissingReminderGivesNull()
    {
        var table = await NewTableAsync();
        var grainId = NewGrainId();
        await table.UpsertRowAsync(Entry(grainId, "other"));

        Assert.Null(await table.ReadRowAsync(grainId, "check-in"));
        Assert.Null(await table.ReadRowAsync(NewGrainId(), "other"));
    }

    [Fact]
    public async Task RemoveWithTheCurrentETagRemovesTheRow()
    {
        var table = await NewTableAsync();
        var entry = Entry(NewGrainId(), "check-in");
        var eTag = await table.UpsertRowAsync(entry);

        Assert.True(await table.RemoveRowAsync(entry.GrainId, entry.ReminderName, eTag));

        Assert.Null(await table.ReadRowAsync(entry.GrainId, entry.ReminderName));
        Assert.False(await table.RemoveRowAsync(entry.GrainId, entry.ReminderName, eTag));
    }

    [Fact]
    public async Task RemoveWithAStaleETagRemovesNothing()
    {
        var table = await NewTableAsync();
        var entry = Entry(NewGrainId(), "check-in");
        var stale = await table.UpsertRowAsync(entry);
        var current = await table.UpsertRowAsync(entry with { Period = TimeSpan.FromHours(2) });

        Assert.False(await table.RemoveRowAsync(entry.GrainId, entry.ReminderName, stale));
        Assert.False(await table.RemoveRowAsync(entry.GrainId, entry.ReminderName, "not-a-number"));

        var stored = await table.ReadRowAsync(entry.GrainId, entry.ReminderName);
        Assert.NotNull(stored);
        Assert.Equal(current, stored.ETag);
    }

    [Fact]
    public async Task RemovedAndRecreatedReminderDoesNotAcceptTheOldETag()
    {
        var table = await NewTableAsync();
        var entry = Entry(NewGrainId(), "check-in");
        var first = await table.UpsertRowAsync(entry);
        Assert.True(await table.RemoveRowAsync(entry.GrainId, entry.ReminderName, first));

        var second = await table.UpsertRowAsync(entry);

        Assert.NotEqual(first, second);
        Assert.False(await table.RemoveRowAsync(entry.GrainId, entry.ReminderName, first));
        Assert.NotNull(await table.ReadRowAsync(entry.GrainId, entry.ReminderName));
    }

    [Fact]
    public async Task ReadRowsReturnsOnlyThatGrainsReminders()
    {
        var table = await NewTableAsync();
        var key = Guid.NewGuid().ToString("N");
        var trip = new GrainId("trip", key);
        await table.UpsertRowAsync(Entry(trip, "check-in"));
        await table.UpsertRowAsync(Entry(trip, "check-out"));
        await table.UpsertRowAsync(Entry(new GrainId("user", key), "check-in"));
        await table.UpsertRowAsync(Entry(new GrainId("trip", key + "x"), "check-in"));

        var rows = await table.ReadRowsAsync(trip);

        Assert.Equal(["check-in", "check-out"], rows.Select(row => row.ReminderName).Order(StringComparer.Ordinal));
        Assert.All(rows, row => Assert.Equal(trip, row.GrainId));
        Assert.Empty(await table.ReadRowsAsync(NewGrainId()));
    }

    [Fact]
    public async Task ReadAllReturnsEveryReminderOfTheService()
    {
        var table = await NewTableAsync();
        var expected = new List<(GrainId, string, string)>();
        for (var i = 0; i < 4; i++)
        {
            var entry = Entry(NewGrainId(), $"reminder-{i}");
            expected.Add((entry.GrainId, entry.ReminderName, await table.UpsertRowAsync(entry)));
        }

        var rows = await table.ReadAllAsync();

        Assert.Equal(
            expected.Select(row => row.Item2).Order(StringComparer.Ordinal),
            rows.Select(row => row.ReminderName).Order(StringComparer.Ordinal));
        Assert.All(expected, row => Assert.Contains(rows, stored => stored.GrainId == row.Item1 && stored.ETag == row.Item3));
    }

    [Fact]
    public async Task DifferentServiceIdsAreIsolated()
    {
        var blue = await NewTableAsync();
        var green = await NewTableAsync();
        var entry = Entry(NewGrainId(), "check-in");
        var blueETag = await blue.UpsertRowAsync(entry);

        Assert.Null(await green.ReadRowAsync(entry.GrainId, entry.ReminderName));
        Assert.Empty(await green.ReadRowsAsync(entry.GrainId));
        Assert.Empty(await green.ReadAllAsync());
        Assert.False(await green.RemoveRowAsync(entry.GrainId, entry.ReminderName, blueETag));
        await green.UpsertRowAsync(entry with { Period = TimeSpan.FromDays(1) });
        await green.ClearAllAsync();

        var stored = await blue.ReadRowAsync(entry.GrainId, entry.ReminderName);
        Assert.NotNull(stored);
        Assert.Equal(blueETag, stored.ETag);
        Assert.Equal(entry.Period, stored.Period);
    }

    [Fact]
    public async Task ClearAllRemovesEveryReminderOfTheService()
    {
        var table = await NewTableAsync();
        await table.UpsertRowAsync(Entry(NewGrainId(), "a"));
        await table.UpsertRowAsync(Entry(NewGrainId(), "b"));

        await table.ClearAllAsync();

        Assert.Empty(await table.ReadAllAsync());
    }

    [Fact]
    public async Task StartIsKeptInUtcToTheMicrosecondAndPeriodToTheMillisecond()
    {
        var table = await NewTableAsync();
        var local = new DateTimeOffset(2031, 5, 17, 11, 30, 0, TimeSpan.FromHours(2)).AddTicks(1_234_567);
        var entry = Entry(NewGrainId(), "check-in") with { StartAt = local, Period = TimeSpan.FromTicks(12_345_678) };

        await table.UpsertRowAsync(entry);
        var stored = await table.ReadRowAsync(entry.GrainId, entry.ReminderName);

        Assert.NotNull(stored);
        Assert.Equal(TimeSpan.Zero, stored.StartAt.Offset);
        Assert.Equal(Start.AddTicks(1_234_560), stored.StartAt);
        Assert.Equal(TimeSpan.FromMilliseconds(1234), stored.Period);
    }

    [Fact]
    public async Task ConcurrentUpsertsOfOneReminderEachGetADistinctETag()
    {
        var table = await NewTableAsync();
        var entry = Entry(NewGrainId(), "check-in");
        var eTags = new string[10];

        var outcomes = await StartGate.RunTogetherAsync(eTags.Length, async i => eTags[i] = await table.UpsertRowAsync(entry));

        Assert.All(outcomes, Assert.Null);
        Assert.Equal(eTags.Length, eTags.Distinct().Count());
        var stored = await table.ReadRowAsync(entry.GrainId, entry.ReminderName);
        Assert.Contains(stored!.ETag, eTags);
    }

    protected async Task<IReminderTable> NewTableAsync(string? serviceId = null)
    {
        var table = CreateTable(serviceId ?? "svc-" + Guid.NewGuid().ToString("N"));
        _tables.Add(table);
        await table.InitializeAsync();
        return table;
    }

    protected static GrainId NewGrainId() => new("trip", Guid.NewGuid().ToString("N"));

    protected static ReminderEntry Entry(GrainId grainId, string name) => new()
    {
        GrainId = grainId,
        ReminderName = name,
        StartAt = Start,
        Period = TimeSpan.FromMinutes(15),
    };
}
