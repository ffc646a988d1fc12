using Microsoft.Extensions.Hosting;
using Wayfarer.Runtime.Activation;
using Wayfarer.Runtime.Reminders;

namespace Wayfarer.Runtime.Hosting;

/// <summary>Starts the grain runtime with the host and, on stop (SIGTERM included), deactivates every activation so
/// grains persist what they must before the process exits.</summary>
internal sealed class SiloHostedService(SiloRuntime runtime, IServiceProvider services) : IHostedService
{
    private ReminderService? _reminders;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        runtime.Start();
        _reminders = (ReminderService?)services.GetService(typeof(ReminderService));
        if (_reminders is not null)
        {
            await _reminders.StartAsync(cancellationToken);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_reminders is not null)
        {
            await _reminders.StopAsync();
        }

        await runtime.StopAsync(cancellationToken);
    }
}
