using System.Text.Json;
using System.Text.Json.Nodes;
using Wayfarer.GrainInterfaces.Plans;
using Wayfarer.Runtime.Serialization;

namespace Wayfarer.Grains.Plans;

/// <summary>Computes a readable, path-based diff of two plan versions over their JSON form.</summary>
internal static class PlanDiffer
{
    public static IReadOnlyList<PlanChange> Diff(PlanContent from, PlanContent to)
    {
        var changes = new List<PlanChange>();
        Walk(string.Empty, ToNode(from), ToNode(to), changes);
        return changes;
    }

    private static JsonNode? ToNode(PlanContent content) => JsonSerializer.SerializeToNode(content, GrainJson.Default);

    private static void Walk(string path, JsonNode? from, JsonNode? to, List<PlanChange> changes)
    {
        switch (from, to)
        {
            case (JsonObject a, JsonObject b):
                foreach (var (name, value) in a)
                {
                    Walk(Join(path, name), value, b.TryGetPropertyValue(name, out var other) ? other : null, changes);
                }

                foreach (var (name, value) in b.Where(p => !a.ContainsKey(p.Key)))
                {
                    Walk(Join(path, name), null, value, changes);
                }

                break;
            case (JsonArray a, JsonArray b):
                for (var i = 0; i < Math.Max(a.Count, b.Count); i++)
                {
                    Walk($"{path}[{i}]", i < a.Count ? a[i] : null, i < b.Count ? b[i] : null, changes);
                }

                break;
            default:
                if (!JsonNode.DeepEquals(from, to))
                {
                    var kind = from is null ? ChangeKind.Added : to is null ? ChangeKind.Removed : ChangeKind.Changed;
                    changes.Add(new PlanChange(path, kind, from?.ToJsonString(), to?.ToJsonString()));
                }

                break;
        }
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}
