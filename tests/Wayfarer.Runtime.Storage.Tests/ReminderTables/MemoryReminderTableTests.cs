using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Wayfarer.Runtime.Hosting;
using Wayfarer.Runtime.Reminders;
using Wayfarer.Runtime.Storage.Tests.Support;

namespace Wayfarer.Runtime.Storage.Tests.ReminderTables;

[Trait("Category", "Unit")]
public sealed class MemoryReminderTableTests : ReminderTableContractTests
{
    protected override IReminderTable CreateTable(string serviceId) => new MemoryReminderTable(serviceId);

    [Fact]
    public void UseMemoryReminderTableRegistersOneTableForTheClustersServiceId()
    {
        var (host, silo) = TestSiloBuilder.Create();
        host.Services.Configure<ClusterOptions>(options => options.ServiceId = "travel");

        silo.UseMemoryReminderTable().UseMemoryReminderTable();
        using var app = host.Build();

        var table = Assert.IsType<MemoryReminderTable>(app.Services.GetRequiredService<IReminderTable>());
        Assert.Equal("travel", table.ServiceId);
        Assert.Single(app.Services.GetServices<IReminderTable>());
    }
}
