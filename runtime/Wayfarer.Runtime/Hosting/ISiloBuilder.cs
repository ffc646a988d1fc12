using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Wayfarer.Runtime.Hosting;

/// <summary>Configures a silo: the place every provider's <c>Add…</c>/<c>Use…</c> extension hangs from.</summary>
public interface ISiloBuilder
{
    /// <summary>The host's service collection.</summary>
    IServiceCollection Services { get; }

    /// <summary>The host's configuration.</summary>
    IConfiguration Configuration { get; }
}
