using System.Runtime.CompilerServices;

namespace Wayfarer.Client.Tests;

/// <summary>A minimal reader of a <c>text/event-stream</c> body: <c>id:</c>, <c>event:</c> and (possibly several)
/// <c>data:</c> lines make one event, a blank line ends it, and lines starting with <c>:</c> are comments.</summary>
internal static class ServerSentEvents
{
    /// <summary>One event as sent.</summary>
    /// <param name="Id">The <c>id:</c> field, if any.</param>
    /// <param name="Type">The <c>event:</c> field, or <c>message</c> when there was none.</param>
    /// <param name="Data">The <c>data:</c> lines joined by newlines.</param>
    public sealed record Event(string? Id, string Type, string Data);

    /// <summary>Reads events until the server ends the stream.</summary>
    public static async Task<List<Event>> ReadAllAsync(Stream body, CancellationToken cancellationToken)
    {
        var events = new List<Event>();
        await foreach (var item in ReadAsync(body, cancellationToken))
        {
            events.Add(item);
        }

        return events;
    }

    /// <summary>Yields each event as soon as its closing blank line arrives, until the server ends the stream.</summary>
    public static async IAsyncEnumerable<Event> ReadAsync(Stream body, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(body);
        string? id = null;
        string? type = null;
        var data = new List<string>();
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                if (data.Count > 0 || type is not null)
                {
                    yield return new Event(id, type ?? "message", string.Join('\n', data));
                }

                (id, type) = (null, null);
                data.Clear();
                continue;
            }

            if (line.StartsWith(':'))
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? string.Empty : line[(colon + 1)..];
            value = value.StartsWith(' ') ? value[1..] : value;
            switch (field)
            {
                case "id":
                    id = value;
                    break;
                case "event":
                    type = value;
                    break;
                case "data":
                    data.Add(value);
                    break;
            }
        }

        Assert.True(data.Count == 0 && type is null, $"the stream ended inside an event ({type}: {string.Join('\n', data)})");
    }
}
