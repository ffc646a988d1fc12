using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Wayfarer.Runtime.Client;

/// <summary>Configures a cluster client: where clustering providers' <c>Use…</c> extensions hang from.</summary>
public interface IClientBuilder
{
    /// <summary>The host's service collection.</summary>
    IServiceCollection Services { get; }

    /// <summary>The host's configuration.</summary>
    IConfiguration Configuration { get; }
}
