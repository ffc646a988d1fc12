using Npgsql;

namespace Wayfarer.Grains.Ledger;

/// <summary>How one record type becomes one multi-row <c>INSERT … SELECT FROM unnest(…)</c> statement: one array
/// parameter per column, so a batch of any size is a single statement with a fixed text (prepared once per
/// connection).</summary>
internal sealed class LedgerTable<TRecord>
    where TRecord : LedgerRecord
{
    private readonly IColumn[] _columns;
    private readonly Func<TRecord, object>? _key;

    /// <summary>Describes the table.</summary>
    /// <param name="name">The table.</param>
    /// <param name="onConflict">The <c>ON CONFLICT</c> clause.</param>
    /// <param name="key">For upserts: the conflict key; a batch keeps only the last row per key, because one statement
    /// may not update a row twice.</param>
    /// <param name="columns">The columns after <c>service_id</c>.</param>
    public LedgerTable(string name, string onConflict, Func<TRecord, object>? key, params IColumn[] columns)
    {
        Name = name;
        _columns = columns;
        _key = key;
        var names = string.Join(", ", columns.Select(c => c.Name));
        var selects = string.Join(", ", columns.Select(c => c.Select));
        var arrays = string.Join(", ", columns.Select((c, i) => $"${i + 2}::{c.SqlType}[]"));
        Sql = $"INSERT INTO {name} (service_id, {names}) SELECT $1, {selects} FROM unnest({arrays}) AS r({names}) {onConflict}";
    }

    /// <summary>The table name.</summary>
    public string Name { get; }

    /// <summary>The statement.</summary>
    public string Sql { get; }

    /// <summary>Builds the statement for <paramref name="rows"/>.</summary>
    public NpgsqlBatchCommand Command(IReadOnlyList<TRecord> rows, string serviceId)
    {
        if (_key is not null)
        {
            rows = LastPerKey(rows, _key);
        }

        var command = new NpgsqlBatchCommand(Sql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = serviceId });
        foreach (var column in _columns)
        {
            command.Parameters.Add(column.Parameter(rows));
        }

        return command;
    }

    private static List<TRecord> LastPerKey(IReadOnlyList<TRecord> rows, Func<TRecord, object> key)
    {
        var last = new Dictionary<object, int>();
        for (var i = 0; i < rows.Count; i++)
        {
            last[key(rows[i])] = i;
        }

        return [.. last.Values.Order().Select(i => rows[i])];
    }

    /// <summary>One column: its name, its PostgreSQL element type, how it is selected from the unnested row, and how
    /// the array parameter is built.</summary>
    public interface IColumn
    {
        string Name { get; }

        string SqlType { get; }

        string Select { get; }

        NpgsqlParameter Parameter(IReadOnlyList<TRecord> rows);
    }

    /// <summary>A column of CLR type <typeparamref name="T"/>.</summary>
    public sealed class Column<T>(string name, string sqlType, Func<TRecord, T> value, string? select = null) : IColumn
    {
        public string Name { get; } = name;

        public string SqlType { get; } = sqlType;

        public string Select { get; } = select ?? name;

        public NpgsqlParameter Parameter(IReadOnlyList<TRecord> rows)
        {
            var values = new T[rows.Count];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = value(rows[i]);
            }

            return new NpgsqlParameter<T[]> { TypedValue = values };
        }
    }
}
