using Wayfarer.Client.Runs;
using Wayfarer.Client.Users;

namespace Wayfarer.Client.Costs;

/// <summary>Registers and maps the ledger features of the API: costs and limits (<see cref="CostsApi"/>) and agent runs
/// (<see cref="RunsApi"/>), with the ledger's part of erasing a user.</summary>
internal static class LedgerApiExtensions
{
    public static IServiceCollection AddLedgerApi(this IServiceCollection services)
    {
        services.AddSingleton<CostQueries>();
        services.AddSingleton<RunQueries>();
        services.AddSingleton<IUserDataEraser, LedgerDataEraser>();
        return services;
    }

    public static IEndpointRouteBuilder MapLedgerApi(this IEndpointRouteBuilder routes) => routes.MapCostsApi().MapRunsApi();
}
