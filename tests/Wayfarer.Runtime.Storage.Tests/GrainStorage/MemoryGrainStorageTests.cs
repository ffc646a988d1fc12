using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Wayfarer.Runtime.Hosting;
using Wayfarer.Runtime.Storage.Tests.Support;

namespace Wayfarer.Runtime.Storage.Tests.GrainStorage;

[Trait("Category", "Unit")]
public sealed class MemoryGrainStorageTests : GrainStorageContractTests
{
    protected override IGrainStorage CreateStorage(string serviceId) => new MemoryGrainStorage(serviceId);

    [Fact]
    public void AddMemoryGrainStorageAsDefaultRegistersTheDefaultProviderForTheClustersServiceId()
    {
        var (host, silo) = TestSiloBuilder.Create();
        host.Services.Configure<ClusterOptions>(options => options.ServiceId = "travel");

        silo.AddMemoryGrainStorageAsDefault().AddMemoryGrainStorage("archive");
        using var app = host.Build();

        var storage = Assert.IsType<MemoryGrainStorage>(app.Services.GetRequiredKeyedService<IGrainStorage>(GrainStorageNames.Default));
        Assert.Equal("travel", storage.ServiceId);
        Assert.Same(storage, app.Services.GetRequiredKeyedService<IGrainStorage>(GrainStorageNames.Default));
        Assert.NotSame(storage, app.Services.GetRequiredKeyedService<IGrainStorage>("archive"));
    }
}
