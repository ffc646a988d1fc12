namespace Wayfarer.Runtime.Redis;

/// <content>The Lua scripts. Each runs atomically on the server. A grain's key holds
/// <c>{"silo":…,"activationId":…}</c>; each silo's set holds the keys of the grains registered on it.</content>
public sealed partial class RedisGrainDirectory
{
    /// <summary>KEYS: 1 grain key, 2 new silo's set, 3 previous silo's set. ARGV: 1 new value, 2 previous silo
    /// ('' = no previous), 3 previous activation id, 4 expiry ms (0 = none). Sets the key when absent, or when it
    /// holds exactly the previous silo and activation; returns the value stored afterwards (the winner).</summary>
    private const string RegisterScript = """
        local current = redis.call('GET', KEYS[1])
        if current then
          if ARGV[2] == '' then return current end
          local stored = cjson.decode(current)
          if stored['silo'] ~= ARGV[2] or stored['activationId'] ~= ARGV[3] then return current end
          redis.call('SREM', KEYS[3], KEYS[1])
        end
        local expiry = tonumber(ARGV[4])
        if expiry > 0 then
          redis.call('SET', KEYS[1], ARGV[1], 'PX', expiry)
        else
          redis.call('SET', KEYS[1], ARGV[1])
        end
        redis.call('SADD', KEYS[2], KEYS[1])
        if expiry > 0 then redis.call('PEXPIRE', KEYS[2], expiry) end
        return ARGV[1]
        """;

    /// <summary>KEYS: 1 grain key, 2 the silo's set. ARGV: 1 activation id. Deletes the key only if it holds that
    /// activation. Returns 1 when deleted.</summary>
    private const string UnregisterScript = """
        local current = redis.call('GET', KEYS[1])
        if not current or cjson.decode(current)['activationId'] ~= ARGV[1] then return 0 end
        redis.call('DEL', KEYS[1])
        redis.call('SREM', KEYS[2], KEYS[1])
        return 1
        """;

    /// <summary>KEYS: 1 the silo's set. ARGV: 1 silo, 2 batch size. Pops up to a batch of grain keys from the set and
    /// deletes each that still points at the silo. Returns {popped, deleted}; the caller repeats while a full batch pops.</summary>
    private const string UnregisterSiloScript = """
        local keys = redis.call('SPOP', KEYS[1], tonumber(ARGV[2]))
        local deleted = 0
        for _, key in ipairs(keys) do
          local current = redis.call('GET', key)
          if current and cjson.decode(current)['silo'] == ARGV[1] then
            redis.call('DEL', key)
            deleted = deleted + 1
          end
        end
        return {#keys, deleted}
        """;
}
