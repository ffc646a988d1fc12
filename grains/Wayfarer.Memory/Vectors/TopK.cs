namespace Wayfarer.Memory.Vectors;

/// <summary>Keeps the k best (score, row) pairs seen: a binary min-heap on score, so each offer is O(log k) at worst
/// and O(1) when the score cannot enter.</summary>
internal sealed class TopK
{
    private readonly float[] _scores;
    private readonly int[] _rows;
    private int _count;

    public TopK(int k)
    {
        _scores = new float[k];
        _rows = new int[k];
    }

    public int Count => _count;

    /// <summary>The lowest score kept once full; −∞ before.</summary>
    public float Threshold => _count == _scores.Length ? _scores[0] : float.NegativeInfinity;

    public void Offer(float score, int row)
    {
        if (_count < _scores.Length)
        {
            var i = _count++;
            _scores[i] = score;
            _rows[i] = row;
            SiftUp(i);
        }
        else if (score > _scores[0])
        {
            _scores[0] = score;
            _rows[0] = row;
            SiftDown(0);
        }
    }

    public void MergeInto(TopK other)
    {
        for (var i = 0; i < _count; i++)
        {
            other.Offer(_scores[i], _rows[i]);
        }
    }

    /// <summary>The kept pairs, best first.</summary>
    public (float Score, int Row)[] ToSortedArray()
    {
        var result = new (float Score, int Row)[_count];
        for (var i = 0; i < _count; i++)
        {
            result[i] = (_scores[i], _rows[i]);
        }

        Array.Sort(result, static (a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Row.CompareTo(b.Row));
        return result;
    }

    private void SiftUp(int i)
    {
        while (i > 0)
        {
            var parent = (i - 1) >> 1;
            if (_scores[parent] <= _scores[i])
            {
                return;
            }

            Swap(i, parent);
            i = parent;
        }
    }

    private void SiftDown(int i)
    {
        while (true)
        {
            var left = (2 * i) + 1;
            if (left >= _count)
            {
                return;
            }

            var smallest = left + 1 < _count && _scores[left + 1] < _scores[left] ? left + 1 : left;
            if (_scores[i] <= _scores[smallest])
            {
                return;
            }

            Swap(i, smallest);
            i = smallest;
        }
    }

    private void Swap(int a, int b)
    {
        (_scores[a], _scores[b]) = (_scores[b], _scores[a]);
        (_rows[a], _rows[b]) = (_rows[b], _rows[a]);
    }
}
