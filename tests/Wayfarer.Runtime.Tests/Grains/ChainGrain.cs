namespace Wayfarer.Runtime.Tests.Grains;

public sealed class ChainGrain : Grain, IChainGrain
{
    public async Task<string> Call(IChainGrain[] rest)
    {
        var me = this.GetPrimaryKeyString();
        if (rest.Length == 0)
        {
            return me;
        }

        return me + ">" + await rest[0].Call(rest[1..]);
    }

    public async Task<string> CallSelf()
    {
        var self = GrainFactory.GetGrain<IChainGrain>(this.GetPrimaryKeyString());
        return "self:" + await self.Call([]);
    }
}
