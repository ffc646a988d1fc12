using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Wayfarer.Runtime.Hosting;
using Wayfarer.Runtime.Postgres;
using Wayfarer.Runtime.Reminders;
using Wayfarer.Runtime.Storage.Tests.Support;

namespace Wayfarer.Runtime.Storage.Tests;

[Trait("Category", "Unit")]
public sealed class OptionsValidationTests
{
    [Fact]
    public async Task GrainStorageWithoutAConnectionStringStopsStartUpNamingTheOption()
    {
        var (host, silo) = TestSiloBuilder.Create();
        silo.AddPostgresGrainStorage("archive", _ => { });
        using var app = host.Build();

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("PostgresGrainStorageOptions.ConnectionString of grain storage 'archive' is required", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReminderTableWithAMalformedConnectionStringStopsStartUpWithoutEchoingIt()
    {
        var (host, silo) = TestSiloBuilder.Create();
        silo.UsePostgresReminderTable(options => options.ConnectionString = "Sekrit Keyword=hunter2");
        using var app = host.Build();

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("PostgresReminderTableOptions.ConnectionString is not a valid Npgsql connection string", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MigrationsWithANonPositiveTimeoutStopStartUpNamingTheOption()
    {
        var (host, silo) = TestSiloBuilder.Create();
        silo.AddPostgresMigrations(options =>
        {
            options.ConnectionString = "Host=localhost";
            options.ApplyMigrations = true;
            options.CommandTimeout = TimeSpan.Zero;
        });
        using var app = host.Build();

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("PostgresMigrationOptions.CommandTimeout", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GrainStorageTakesItsServiceIdFromTheClusterUnlessOverridden()
    {
        var (host, silo) = TestSiloBuilder.Create();
        host.Services.Configure<ClusterOptions>(options => options.ServiceId = "travel");
        silo.AddPostgresGrainStorageAsDefault(options => options.ConnectionString = "Host=localhost")
            .AddPostgresGrainStorage("archive", options =>
            {
                options.ConnectionString = "Host=localhost";
                options.ServiceId = "archive-service";
            });
        using var app = host.Build();

        var defaultStorage = Assert.IsType<PostgresGrainStorage>(app.Services.GetRequiredKeyedService<IGrainStorage>(GrainStorageNames.Default));
        var archive = Assert.IsType<PostgresGrainStorage>(app.Services.GetRequiredKeyedService<IGrainStorage>("archive"));

        Assert.Equal("travel", defaultStorage.ServiceId);
        Assert.Equal("archive-service", archive.ServiceId);
        Assert.Equal("archive", archive.Name);
    }

    [Fact]
    public void ReminderTableIsRegisteredAsTheReminderTableAndAsItself()
    {
        var (host, silo) = TestSiloBuilder.Create();
        silo.UsePostgresReminderTable(options => options.ConnectionString = "Host=localhost");
        using var app = host.Build();

        Assert.Same(app.Services.GetRequiredService<PostgresReminderTable>(), app.Services.GetRequiredService<IReminderTable>());
        Assert.Equal(new ClusterOptions().ServiceId, app.Services.GetRequiredService<PostgresReminderTable>().ServiceId);
    }

    [Fact]
    public void OptionsBindFromConfiguration()
    {
        var (host, silo) = TestSiloBuilder.Create();
        host.Configuration["Wayfarer:GrainStorage:Default:ConnectionString"] = "Host=localhost;Database=bound";
        host.Configuration["Wayfarer:Migrations:ConnectionString"] = "Host=localhost";
        host.Configuration["Wayfarer:Migrations:ApplyMigrations"] = "true";
        silo.AddPostgresGrainStorageAsDefault(_ => { }).AddPostgresMigrations(_ => { });
        using var app = host.Build();

        Assert.Equal("Host=localhost;Database=bound", app.Services.GetRequiredService<IOptionsMonitor<PostgresGrainStorageOptions>>().Get(GrainStorageNames.Default).ConnectionString);
        Assert.True(app.Services.GetRequiredService<IOptions<PostgresMigrationOptions>>().Value.ApplyMigrations);
    }
}
