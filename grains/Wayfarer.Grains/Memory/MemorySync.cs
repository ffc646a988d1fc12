using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Wayfarer.GrainInterfaces.Memory;
using Wayfarer.GrainInterfaces.Plans;
using Wayfarer.GrainInterfaces.Users;
using Wayfarer.Memory.Storage;

namespace Wayfarer.Grains.Memory;

/// <summary>What the plan and user grains store in their owner's <see cref="IUserMemoryGrain"/> when a plan or the
/// preferences change, and how they retry when the memory grains cannot be reached.</summary>
public static partial class MemorySync
{
    /// <summary>The id of the single <c>user_preferences</c> item that mirrors a user's structured preferences.</summary>
    public const string PreferencesId = "profile";

    /// <summary>The prefix of the durable reminder that retries a failed sync; the owner's id follows it.</summary>
    public const string RetryReminderPrefix = "memory-sync:";

    /// <summary>How often a failed sync is retried.</summary>
    public static readonly TimeSpan RetryPeriod = TimeSpan.FromMinutes(1);

    private const int MaxTextLength = 4000;

    /// <summary>Whether agent memory is hosted (<c>AddWayfarerMemory</c> was called); without it nothing is synced.</summary>
    public static bool IsEnabled(IServiceProvider services) => services.GetService<MemoryEmbeddingStore>() is not null;

    /// <summary>The <c>travel_plans</c> item of a plan: its words, first destination as the city, start date as the date.</summary>
    public static MemoryItem ForPlan(string planId, PlanContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var text = new StringBuilder(content.Title).Append('.');
        Append(text, null, content.Description);
        Append(text, "Destinations", string.Join(", ", content.Destinations));
        if (content.Preferences is { } preferences)
        {
            Append(text, "Interests", string.Join(", ", preferences.Interests));
        }

        var items = content.Itinerary.Days.SelectMany(d => d.Items).Select(i => i.Title);
        Append(text, "Itinerary", string.Join("; ", items));
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["title"] = content.Title,
            ["status"] = content.Status.ToString().ToLowerInvariant(),
        };
        return new MemoryItem(MemoryCollections.TravelPlans, planId, Clip(text))
        {
            City = content.Destinations.Count > 0 ? content.Destinations[0] : null,
            Date = content.StartDate is { } start ? new DateTimeOffset(start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
            Metadata = metadata,
        };
    }

    /// <summary>The <c>user_preferences</c> item of a user's structured preferences.</summary>
    public static MemoryItem ForPreferences(TravelPreferences preferences)
    {
        ArgumentNullException.ThrowIfNull(preferences);
        var text = new StringBuilder("Travel preferences: ")
            .Append(CultureInfo.InvariantCulture, $"{preferences.BudgetLevel} budget, {preferences.Pace} pace, {preferences.Mobility} mobility.");
        Append(text, "Interests", string.Join(", ", preferences.Interests));
        Append(text, "Dietary needs", string.Join(", ", preferences.DietaryNeeds));
        Append(text, "Preferred transport", string.Join(", ", preferences.PreferredTransport));
        return new MemoryItem(MemoryCollections.UserPreferences, PreferencesId, Clip(text));
    }

    private static void Append(StringBuilder text, string? label, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        text.Append(' ');
        if (label is not null)
        {
            text.Append(label).Append(": ");
        }

        text.Append(value.Trim()).Append('.');
    }

    private static string Clip(StringBuilder text) => text.Length <= MaxTextLength ? text.ToString() : text.ToString(0, MaxTextLength);

    [LoggerMessage(EventId = 6101, EventName = "MemorySyncFailed", Level = LogLevel.Warning,
        Message = "Syncing {Collection} item {ItemId} to the owner's memory failed; a reminder retries it")]
    internal static partial void SyncFailed(ILogger logger, Exception exception, string collection, string itemId);

    [LoggerMessage(EventId = 6102, EventName = "MemorySyncRetryUnavailable", Level = LogLevel.Error,
        Message = "Syncing {Collection} item {ItemId} to the owner's memory failed and no retry could be scheduled")]
    internal static partial void RetryUnavailable(ILogger logger, Exception exception, string collection, string itemId);

    [LoggerMessage(EventId = 6103, EventName = "MemorySyncRetried", Level = LogLevel.Information,
        Message = "Synced {Collection} item {ItemId} to the owner's memory on retry")]
    internal static partial void Retried(ILogger logger, string collection, string itemId);
}
