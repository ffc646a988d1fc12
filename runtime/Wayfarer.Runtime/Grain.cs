using Microsoft.Extensions.DependencyInjection;
using Wayfarer.Runtime.Activation;
using Wayfarer.Runtime.Reminders;
using Wayfarer.Runtime.Timers;

namespace Wayfarer.Runtime;

/// <summary>The base class of grains. The runtime creates instances (one per activation) with constructor injection;
/// never construct one yourself.</summary>
/// <remarks>All members are meant to be used on the grain's own turns (from its methods, timers and lifecycle hooks).</remarks>
public abstract class Grain
{
    private readonly ActivationData _activation;

    /// <summary>Binds the new instance to the activation that is constructing it.</summary>
    /// <exception cref="InvalidOperationException">The grain was constructed outside the runtime.</exception>
    protected Grain()
    {
        _activation = ActivationData.UnderConstruction
            ?? throw new InvalidOperationException($"{GetType().Name} was constructed outside the runtime; get grains with IGrainFactory.GetGrain.");
    }

    internal ActivationData Activation => _activation;

    /// <summary>This grain's id.</summary>
    public GrainId GrainId => _activation.GrainId;

    /// <summary>This activation's id.</summary>
    public ActivationId ActivationId => _activation.ActivationId;

    /// <summary>A readable identity for logs: grain id and activation id.</summary>
    public string IdentityString => $"{_activation.GrainId}#{_activation.ActivationId}";

    /// <summary>Makes references to other grains.</summary>
    protected IGrainFactory GrainFactory => _activation.Runtime;

    /// <summary>The silo's services.</summary>
    protected IServiceProvider ServiceProvider => _activation.Runtime.Services;

    /// <summary>Called after persistent state is loaded and before the first call is delivered. An exception fails
    /// the calls waiting for the activation; the next call tries a fresh activation.</summary>
    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Called before the activation is discarded (idle collection, <see cref="DeactivateOnIdle"/>, shutdown).
    /// Not called after a crash: persist what matters when it changes.</summary>
    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Deactivates this activation once the current turn(s) finish; queued calls go to a fresh activation.</summary>
    protected void DeactivateOnIdle() => _activation.RequestDeactivation(DeactivationReason.ApplicationRequested);

    /// <summary>Keeps this activation from idle collection for at least <paramref name="timeSpan"/>.</summary>
    protected void DelayDeactivation(TimeSpan timeSpan) => _activation.DelayDeactivation(timeSpan);

    /// <summary>Registers a timer whose ticks run as turns of this activation.</summary>
    protected IGrainTimer RegisterGrainTimer<TState>(Func<TState, CancellationToken, Task> callback, TState state, GrainTimerCreationOptions options)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return _activation.RegisterTimer(ct => callback(state, ct), options);
    }

    /// <summary>Registers a timer whose ticks run as turns of this activation.</summary>
    protected IGrainTimer RegisterGrainTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return _activation.RegisterTimer(callback, new GrainTimerCreationOptions(dueTime, period));
    }

    /// <summary>Registers or updates a durable reminder; the grain must implement <see cref="IRemindable"/>.</summary>
    /// <exception cref="ReminderException">The grain is not remindable or the period is below the configured minimum.</exception>
    protected Task<IGrainReminder> RegisterOrUpdateReminder(string reminderName, TimeSpan dueTime, TimeSpan period)
        => Reminders.RegisterOrUpdateAsync(this, reminderName, dueTime, period);

    /// <summary>Unregisters a reminder.</summary>
    /// <exception cref="ReminderException">The handle is stale (the reminder changed since) or the reminder is gone.</exception>
    protected Task UnregisterReminder(IGrainReminder reminder) => Reminders.UnregisterAsync(GrainId, reminder);

    /// <summary>Gets a handle on a reminder of this grain, or null.</summary>
    protected Task<IGrainReminder?> GetReminder(string reminderName) => Reminders.GetAsync(GrainId, reminderName);

    /// <summary>Gets handles on every reminder of this grain.</summary>
    protected Task<IReadOnlyList<IGrainReminder>> GetReminders() => Reminders.GetAllAsync(GrainId);

    private ReminderService Reminders => _activation.Runtime.Services.GetService<ReminderService>()
        ?? throw new ReminderException("Reminders are not configured: call UseMemoryReminderTable() or UsePostgresReminderTable(...) on the silo builder.");
}
