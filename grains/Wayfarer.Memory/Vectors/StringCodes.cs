namespace Wayfarer.Memory.Vectors;

/// <summary>Interns strings as small integers so filters compare integers on the hot path. Code 0 means "none".</summary>
internal sealed class StringCodes
{
    private readonly Dictionary<string, int> _codes = new(StringComparer.Ordinal);

    public int Count => _codes.Count;

    public int GetOrAdd(string? value)
    {
        if (value is null)
        {
            return 0;
        }

        if (!_codes.TryGetValue(value, out var code))
        {
            code = _codes.Count + 1;
            _codes.Add(value, code);
        }

        return code;
    }

    /// <summary>The code of a known value; -1 when the value was never seen (so nothing can match it).</summary>
    public int Find(string value) => _codes.TryGetValue(value, out var code) ? code : -1;
}
