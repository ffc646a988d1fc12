using Wayfarer.Memory.Embeddings;

namespace Wayfarer.Memory.Vectors;

/// <summary>An exact cosine index over one embedding space: vectors in one contiguous buffer (row-major, struct of
/// arrays), filter attributes as parallel integer columns, payloads off the hot path.</summary>
/// <remarks>Not thread-safe for writes: any number of concurrent searches are safe while no write runs (the grain
/// turn model gives exactly that). Removal moves the last row into the hole, so rows stay dense.</remarks>
public sealed partial class VectorIndex
{
    private readonly int _dimension;
    private readonly Dictionary<(int Collection, string Id), int> _rows = [];
    private readonly StringCodes _collections = new();
    private readonly StringCodes _owners = new();
    private readonly StringCodes _categories = new();
    private readonly StringCodes _countries = new();
    private readonly StringCodes _cities = new();
    private readonly StringCodes _metadataPairs = new();
    private float[] _vectors;
    private int[] _collection;
    private int[] _owner;
    private int[] _category;
    private int[] _country;
    private int[] _city;
    private long[] _date;
    private long[] _expires;
    private int[]?[] _pairs;
    private VectorEntry[] _payload;
    private sbyte[]? _codes;
    private float[]? _scales;

    /// <summary>Creates an empty index.</summary>
    /// <param name="space">The only embedding space the index accepts.</param>
    /// <param name="initialCapacity">Rows to allocate up front.</param>
    /// <param name="quantization">Whether searches scan int8 codes and re-rank exactly (see <see cref="VectorQuantization"/>).</param>
    public VectorIndex(EmbeddingSpace space, int initialCapacity = 256, VectorQuantization quantization = VectorQuantization.None)
    {
        space.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(initialCapacity, 1);
        Space = space;
        _dimension = space.Dimension;
        _vectors = new float[(long)initialCapacity * _dimension];
        _collection = new int[initialCapacity];
        _owner = new int[initialCapacity];
        _category = new int[initialCapacity];
        _country = new int[initialCapacity];
        _city = new int[initialCapacity];
        _date = new long[initialCapacity];
        _expires = new long[initialCapacity];
        _pairs = new int[initialCapacity][];
        _payload = new VectorEntry[initialCapacity];
        Quantization = quantization;
        if (quantization == VectorQuantization.Int8)
        {
            _codes = new sbyte[(long)initialCapacity * _dimension];
            _scales = new float[initialCapacity];
        }
    }

    /// <summary>How searches scan.</summary>
    public VectorQuantization Quantization { get; }

    /// <summary>The embedding space of every vector in the index.</summary>
    public EmbeddingSpace Space { get; }

    /// <summary>The number of entries.</summary>
    public int Count { get; private set; }

    /// <summary>Bytes held by the vector buffer and the filter columns (excluding payload objects).</summary>
    public long ColumnBytes => ((long)_vectors.Length * sizeof(float)) + (_codes?.LongLength ?? 0) + ((_scales?.LongLength ?? 0) * sizeof(float))
        + ((long)_collection.Length * ((5 * sizeof(int)) + (2 * sizeof(long)) + (2 * IntPtr.Size)));

    /// <summary>Adds an entry, or replaces the entry with the same collection and id.</summary>
    /// <param name="entry">The entry.</param>
    /// <param name="space">The space its vector was made in.</param>
    /// <exception cref="EmbeddingSpaceMismatchException">The space differs from the index's, or the vector's length
    /// from the dimension.</exception>
    public void Upsert(VectorEntry entry, EmbeddingSpace space)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (space != Space || entry.Vector.Length != _dimension)
        {
            throw new EmbeddingSpaceMismatchException(Space, space with { Dimension = entry.Vector.Length });
        }

        var key = (_collections.GetOrAdd(entry.Collection), entry.Id);
        if (!_rows.TryGetValue(key, out var row))
        {
            EnsureCapacity(Count + 1);
            row = Count++;
            _rows.Add(key, row);
        }

        entry.Vector.CopyTo(_vectors.AsSpan(row * _dimension, _dimension));
        if (_codes is not null)
        {
            _scales![row] = Int8Kernels.Quantize(entry.Vector, _codes.AsSpan(row * _dimension, _dimension));
        }
        _collection[row] = key.Item1;
        _owner[row] = _owners.GetOrAdd(entry.Owner);
        _category[row] = _categories.GetOrAdd(entry.Category);
        _country[row] = _countries.GetOrAdd(entry.Country);
        _city[row] = _cities.GetOrAdd(entry.City);
        _date[row] = entry.Date?.UtcTicks ?? long.MinValue;
        _expires[row] = entry.ExpiresAt?.UtcTicks ?? long.MaxValue;
        _pairs[row] = entry.Metadata.Count == 0 ? null : [.. entry.Metadata.Select(p => _metadataPairs.GetOrAdd(PairKey(p.Key, p.Value))).Order()];
        // The payload keeps no second copy of the vector: the buffer row is the only one (memory per vector).
        _payload[row] = entry.Vector.Length == 0 ? entry : entry with { Vector = [] };
    }

    /// <summary>Removes an entry.</summary>
    /// <returns>Whether the entry was there.</returns>
    public bool Remove(string collection, string id)
    {
        var code = _collections.Find(collection);
        if (code < 0 || !_rows.Remove((code, id), out var row))
        {
            return false;
        }

        var last = --Count;
        if (row != last)
        {
            _vectors.AsSpan(last * _dimension, _dimension).CopyTo(_vectors.AsSpan(row * _dimension, _dimension));
            if (_codes is not null)
            {
                _codes.AsSpan(last * _dimension, _dimension).CopyTo(_codes.AsSpan(row * _dimension, _dimension));
                _scales![row] = _scales[last];
            }

            _collection[row] = _collection[last];
            _owner[row] = _owner[last];
            _category[row] = _category[last];
            _country[row] = _country[last];
            _city[row] = _city[last];
            _date[row] = _date[last];
            _expires[row] = _expires[last];
            _pairs[row] = _pairs[last];
            _payload[row] = _payload[last];
            _rows[(_collection[row], _payload[row].Id)] = row;
        }

        _pairs[last] = null;
        _payload[last] = null!;
        return true;
    }

    /// <summary>Removes every entry.</summary>
    public void Clear()
    {
        _rows.Clear();
        Array.Clear(_pairs);
        Array.Clear(_payload);
        Count = 0;
    }

    /// <summary>A copy of an entry's stored vector, or null when the entry does not exist.</summary>
    public float[]? GetVector(string collection, string id)
    {
        var code = _collections.Find(collection);
        return code >= 0 && _rows.TryGetValue((code, id), out var row) ? _vectors.AsSpan(row * _dimension, _dimension).ToArray() : null;
    }

    /// <summary>Gets an entry (its <see cref="VectorEntry.Vector"/> is empty: see <see cref="GetVector"/>).</summary>
    public VectorEntry? Get(string collection, string id)
    {
        var code = _collections.Find(collection);
        return code >= 0 && _rows.TryGetValue((code, id), out var row) ? _payload[row] : null;
    }

    /// <summary>Every entry, in row order (a snapshot; vectors are empty: see <see cref="GetVector"/>).</summary>
    public IReadOnlyList<VectorEntry> Entries() => _payload.AsSpan(0, Count).ToArray();

    private static string PairKey(string key, string value) => string.Concat(key, "\u001f", value);

    private void EnsureCapacity(int needed)
    {
        if (needed <= _collection.Length)
        {
            return;
        }

        var capacity = Math.Max(needed, _collection.Length * 2);
        Array.Resize(ref _vectors, checked(capacity * _dimension));
        Array.Resize(ref _collection, capacity);
        Array.Resize(ref _owner, capacity);
        Array.Resize(ref _category, capacity);
        Array.Resize(ref _country, capacity);
        Array.Resize(ref _city, capacity);
        Array.Resize(ref _date, capacity);
        Array.Resize(ref _expires, capacity);
        Array.Resize(ref _pairs, capacity);
        Array.Resize(ref _payload, capacity);
        if (_codes is not null)
        {
            Array.Resize(ref _codes, checked(capacity * _dimension));
            Array.Resize(ref _scales, capacity);
        }
    }
}
