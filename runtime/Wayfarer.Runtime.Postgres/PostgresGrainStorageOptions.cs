using System.Text.Json;
using Wayfarer.Runtime.Serialization;

namespace Wayfarer.Runtime.Postgres;

/// <summary>Options of one <see cref="PostgresGrainStorage"/> provider, named after the provider.</summary>
public sealed class PostgresGrainStorageOptions
{
    /// <summary>The configuration section the options of the provider named <c>{name}</c> bind from, with
    /// <c>{name}</c> replaced: <c>Wayfarer:GrainStorage:{name}</c>.</summary>
    public const string SectionNameFormat = "Wayfarer:GrainStorage:{0}";

    /// <summary>The Npgsql connection string of the database holding the <c>grain_state</c> table.</summary>
    /// <value>Required; no default.</value>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>The JSON options used to serialize state into the <c>payload</c> column.</summary>
    /// <value>Default <see cref="GrainJson.Default"/>; null also selects it.</value>
    public JsonSerializerOptions? SerializerOptions { get; set; } = GrainJson.Default;

    /// <summary>The service id written into every row, overriding <see cref="Hosting.ClusterOptions.ServiceId"/>.</summary>
    /// <value>Default null: the silo's <see cref="Hosting.ClusterOptions.ServiceId"/>.</value>
    public string? ServiceId { get; set; }
}
