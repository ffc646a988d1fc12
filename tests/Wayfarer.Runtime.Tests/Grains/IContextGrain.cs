namespace Wayfarer.Runtime.Tests.Grains;

public sealed class MutableBox
{
    public List<int> Items { get; set; } = [];
}

public interface IContextGrain : IGrainWithGuidKey
{
    Task<string?> ReadContext(string key);

    Task<string?> ReadContextViaOther(string key, IContextGrain other);

    Task<int> MutateAndCount(MutableBox box);

    Task<string> KeyInfo();

    Task<string> CallThrough(ReferenceHolder holder);
}

public sealed class ReferenceHolder
{
    public IContextGrain? Target { get; set; }

    public List<string> Notes { get; set; } = [];
}

public interface ICompoundGrain : IGrainWithIntegerCompoundKey
{
    Task<string> KeyInfo();
}

public sealed class ContextGrain : Grain, IContextGrain
{
    public Task<string?> ReadContext(string key) => Task.FromResult(RequestContext.Get(key) as string);

    public Task<string?> ReadContextViaOther(string key, IContextGrain other) => other.ReadContext(key);

    public Task<int> MutateAndCount(MutableBox box)
    {
        box.Items.Add(99);
        return Task.FromResult(box.Items.Count);
    }

    public Task<string> KeyInfo() => Task.FromResult(this.GetPrimaryKey().ToString());

    public Task<string> CallThrough(ReferenceHolder holder) => holder.Target!.KeyInfo();
}

public sealed class CompoundGrain : Grain, ICompoundGrain
{
    public Task<string> KeyInfo()
    {
        var id = this.GetPrimaryKeyLong(out var extension);
        return Task.FromResult($"{id}|{extension}");
    }
}
