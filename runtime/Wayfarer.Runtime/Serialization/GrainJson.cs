using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Wayfarer.Runtime.Serialization;

/// <summary>The JSON settings used for persisted grain state and for copying call arguments.</summary>
/// <remarks>
/// Version tolerant by construction: unknown properties are ignored on read and missing ones keep their
/// defaults, so adding a field never breaks old data. Property names are camelCase so that state stored as
/// <c>jsonb</c> reads naturally in SQL. Types may add source-generated contexts through
/// <see cref="JsonSerializerOptions.TypeInfoResolverChain"/>; the reflection resolver is the fallback.
/// </remarks>
public static class GrainJson
{
    /// <summary>Creates a fresh options instance with the defaults described in the remarks.</summary>
    public static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
            IncludeFields = false,
            WriteIndented = false,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.TypeInfoResolverChain.Add(new DefaultJsonTypeInfoResolver());
        return options;
    }

    /// <summary>A shared, read-only instance of <see cref="CreateOptions"/>.</summary>
    public static JsonSerializerOptions Default { get; } = Freeze(CreateOptions());

    private static JsonSerializerOptions Freeze(JsonSerializerOptions options)
    {
        options.MakeReadOnly();
        return options;
    }
}
