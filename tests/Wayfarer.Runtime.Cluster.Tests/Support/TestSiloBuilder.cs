using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Wayfarer.Runtime.Hosting;

namespace Wayfarer.Runtime.Cluster.Tests.Support;

/// <summary>An <see cref="ISiloBuilder"/> over a plain host builder, to test provider registrations alone.</summary>
internal sealed class TestSiloBuilder(HostApplicationBuilder host) : ISiloBuilder
{
    public IServiceCollection Services => host.Services;

    public IConfiguration Configuration => host.Configuration;

    public static (HostApplicationBuilder Host, TestSiloBuilder Silo) Create()
    {
        var host = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        return (host, new TestSiloBuilder(host));
    }
}
