using System.Globalization;

namespace Wayfarer.Runtime.Membership;

/// <summary>One incarnation of a silo: its endpoint plus a generation that differs on every start, so a restarted
/// silo on the same endpoint is a different silo.</summary>
/// <param name="Host">The IP address or host name other silos and clients connect to.</param>
/// <param name="Port">The silo's cluster port (silo-to-silo and gateway traffic).</param>
/// <param name="Generation">A number unique to this start (e.g. start time in ticks).</param>
public sealed record SiloAddress(string Host, int Port, long Generation)
{
    /// <summary>Parses <see cref="ToString"/>'s form <c>host:port@generation</c>.</summary>
    /// <exception cref="FormatException">The text is not in that form.</exception>
    public static SiloAddress Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var at = text.LastIndexOf('@');
        var colon = at < 0 ? -1 : text.LastIndexOf(':', at);
        if (at < 0 || colon <= 0
            || !int.TryParse(text.AsSpan(colon + 1, at - colon - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            || !long.TryParse(text.AsSpan(at + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var generation))
        {
            throw new FormatException($"'{text}' is not a silo address; expected 'host:port@generation'.");
        }

        return new SiloAddress(text[..colon], port, generation);
    }

    /// <summary>The endpoint without the generation.</summary>
    public string Endpoint => $"{Host}:{Port.ToString(CultureInfo.InvariantCulture)}";

    /// <inheritdoc />
    public override string ToString() => $"{Endpoint}@{Generation.ToString(CultureInfo.InvariantCulture)}";
}
