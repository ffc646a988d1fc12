namespace Wayfarer.Client.Infrastructure;

/// <summary>General API settings (section <c>Wayfarer:Api</c>).</summary>
public sealed class ApiOptions
{
    public const string SectionName = "Wayfarer:Api";

    /// <summary>The largest request body accepted, in bytes; larger ones get 413.</summary>
    /// <value>Default 256 KiB.</value>
    public long MaxRequestBodyBytes { get; set; } = 256 * 1024;

    /// <summary>Prefix of every Redis key and channel this API uses.</summary>
    /// <value>Default <c>wf:</c>.</value>
    public string RedisKeyPrefix { get; set; } = "wf:";
}
