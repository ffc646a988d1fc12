using System.Diagnostics.Metrics;

namespace Wayfarer.Client.Infrastructure;

/// <summary>The API's own instruments (meter <c>Wayfarer.Client</c>); ASP.NET Core already measures requests.</summary>
internal sealed class ApiMetrics
{
    public const string MeterName = "Wayfarer.Client";

    private readonly Counter<long> _rateLimited;
    private readonly Counter<long> _logins;

    public ApiMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _rateLimited = meter.CreateCounter<long>("wayfarer.api.rate_limited", "{request}", "Requests refused with 429, by limit (ip or user).");
        _logins = meter.CreateCounter<long>("wayfarer.api.logins", "{login}", "Login attempts, by outcome (success or failure).");
    }

    public void RateLimited(string limit) => _rateLimited.Add(1, new KeyValuePair<string, object?>("limit", limit));

    public void Login(bool success) => _logins.Add(1, new KeyValuePair<string, object?>("outcome", success ? "success" : "failure"));
}
