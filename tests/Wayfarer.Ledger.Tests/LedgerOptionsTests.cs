using Wayfarer.Grains.Ledger;

namespace Wayfarer.Ledger.Tests;

[Trait("Category", "Unit")]
public sealed class LedgerOptionsTests
{
    [Fact]
    public void TheDefaultsAreValid() => Assert.Null(new LedgerOptions().Validate());

    [Theory]
    [InlineData(nameof(LedgerOptions.DefaultDailyUsd))]
    [InlineData(nameof(LedgerOptions.BatchSize))]
    [InlineData(nameof(LedgerOptions.QueueCapacity))]
    [InlineData(nameof(LedgerOptions.RetentionDays))]
    [InlineData(nameof(LedgerOptions.ReservationTimeToLive))]
    [InlineData(nameof(LedgerOptions.RetryDelay))]
    public void ABadValueIsReportedByItsConfigurationKey(string option)
    {
        var options = new LedgerOptions();
        switch (option)
        {
            case nameof(LedgerOptions.DefaultDailyUsd): options.DefaultDailyUsd = -1; break;
            case nameof(LedgerOptions.BatchSize): options.BatchSize = 0; break;
            case nameof(LedgerOptions.QueueCapacity): options.QueueCapacity = options.BatchSize - 1; break;
            case nameof(LedgerOptions.RetentionDays): options.RetentionDays = 0; break;
            case nameof(LedgerOptions.ReservationTimeToLive): options.ReservationTimeToLive = TimeSpan.Zero; break;
            case nameof(LedgerOptions.RetryDelay): options.RetryDelay = TimeSpan.FromMinutes(5); break;
        }

        var message = options.Validate();

        Assert.NotNull(message);
        Assert.StartsWith($"Wayfarer:Ledger:{option} ", message, StringComparison.Ordinal);
    }

    [Fact]
    public void NoCapsAreValid() => Assert.Null(new LedgerOptions { DefaultDailyUsd = null, DefaultPerPlanUsd = null }.Validate());
}
