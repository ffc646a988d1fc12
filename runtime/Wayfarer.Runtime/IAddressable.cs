namespace Wayfarer.Runtime;

/// <summary>Anything that can be addressed by a grain reference: grains and grain observers.</summary>
public interface IAddressable
{
}

/// <summary>The marker every grain interface derives from (through one of the key-kind interfaces).</summary>
public interface IGrain : IAddressable
{
}

/// <summary>A grain identified by a string key. The key is never parsed.</summary>
public interface IGrainWithStringKey : IGrain
{
}

/// <summary>A grain identified by a Guid key.</summary>
public interface IGrainWithGuidKey : IGrain
{
}

/// <summary>A grain identified by a 64-bit integer key.</summary>
public interface IGrainWithIntegerKey : IGrain
{
}

/// <summary>A grain identified by a Guid plus a string extension.</summary>
public interface IGrainWithGuidCompoundKey : IGrain
{
}

/// <summary>A grain identified by a 64-bit integer plus a string extension.</summary>
public interface IGrainWithIntegerCompoundKey : IGrain
{
}

/// <summary>The marker for observer interfaces: objects outside grains (or grains) that receive calls through a
/// reference made with <see cref="IGrainFactory.CreateObjectReference{T}"/>.</summary>
public interface IGrainObserver : IAddressable
{
}
