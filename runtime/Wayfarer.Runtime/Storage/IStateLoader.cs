namespace Wayfarer.Runtime.Storage;

/// <summary>A state the activation loads before OnActivateAsync.</summary>
internal interface IStateLoader
{
    Task LoadAsync();
}
