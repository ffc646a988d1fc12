using System.Globalization;
using System.Text.Json;
using StackExchange.Redis;
using Wayfarer.Runtime.Membership;

namespace Wayfarer.Runtime.Redis;

/// <summary>The fields of one <c>HGETALL</c> of a membership hash, parsed: the version (null when the hash or its
/// version field is absent) and each silo's row with its heartbeat.</summary>
internal sealed class MembershipSnapshot
{
    private MembershipSnapshot(TableVersion? version, IReadOnlyDictionary<string, Row> rows)
    {
        Version = version;
        Rows = rows;
    }

    public TableVersion? Version { get; }

    /// <summary>Rows by field name (the silo's string form).</summary>
    public IReadOnlyDictionary<string, Row> Rows { get; }

    /// <exception cref="RedisStoreException">A field is not in the format the table writes.</exception>
    public static MembershipSnapshot Parse(string key, HashEntry[] fields)
    {
        TableVersion? version = null;
        var rows = new Dictionary<string, StoredMembershipRow>(StringComparer.Ordinal);
        var raw = new Dictionary<string, string>(StringComparer.Ordinal);
        var heartbeats = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            var name = (string)field.Name!;
            var value = (string)field.Value!;
            if (name == RedisMembershipTable.VersionField)
            {
                version = ParseVersion(key, value);
            }
            else if (name.StartsWith(RedisMembershipTable.HeartbeatFieldPrefix, StringComparison.Ordinal))
            {
                heartbeats[name[RedisMembershipTable.HeartbeatFieldPrefix.Length..]] = value;
            }
            else
            {
                rows[name] = ParseRow(key, name, value);
                raw[name] = value;
            }
        }

        var result = rows.ToDictionary(
            pair => pair.Key,
            pair =>
            {
                var heartbeat = heartbeats.GetValueOrDefault(pair.Key);
                var alive = pair.Value.Entry.IAmAliveTime;
                if (heartbeat is not null && ParseHeartbeat(key, pair.Key, heartbeat) is var beat && beat > alive)
                {
                    alive = beat;
                }

                return new Row(pair.Value, raw[pair.Key], heartbeat, alive);
            },
            StringComparer.Ordinal);
        return new MembershipSnapshot(version, result);
    }

    private static TableVersion ParseVersion(string key, string value)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !int.TryParse(value.AsSpan(0, colon), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            throw Corrupt(key, RedisMembershipTable.VersionField, "is not '{number}:{etag}'", null);
        }

        return new TableVersion(number, value[(colon + 1)..]);
    }

    private static StoredMembershipRow ParseRow(string key, string field, string value)
    {
        try
        {
            return JsonSerializer.Deserialize<StoredMembershipRow>(value, RedisJson.Options)
                ?? throw Corrupt(key, field, "is JSON null", null);
        }
        catch (JsonException exception)
        {
            throw Corrupt(key, field, "is not a membership row", exception);
        }
    }

    private static DateTimeOffset ParseHeartbeat(string key, string field, string value) =>
        DateTimeOffset.TryParseExact(value, "O", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : throw Corrupt(key, RedisMembershipTable.HeartbeatFieldPrefix + field, "is not an ISO 8601 time", null);

    private static RedisStoreException Corrupt(string key, string field, string problem, Exception? inner) =>
        new($"Field '{field}' of membership table '{key}' {problem}; it was not written by this version of the table.", inner, isTransient: false)
        {
            Operation = "ReadAll",
            Key = key,
        };

    /// <summary>A row as stored, its raw text, its raw heartbeat (null when none) and its effective heartbeat time.</summary>
    public sealed record Row(StoredMembershipRow Stored, string RawRow, string? RawHeartbeat, DateTimeOffset IAmAliveTime);
}
