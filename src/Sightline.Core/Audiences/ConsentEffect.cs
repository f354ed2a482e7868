namespace Sightline.Core.Audiences;

/// <summary>What analytics consent does to one resolved event (see docs/privacy.md, "Analytics consent").</summary>
[Flags]
public enum ConsentEffect
{
    /// <summary>The event is kept as it is.</summary>
    None = 0,

    /// <summary>A behavioural event of a person who denied analytics: keep only what identity and consent need of it.</summary>
    Minimize = 1,

    /// <summary>This message denied analytics: the profile's earlier behavioural events are minimized too.</summary>
    Withdrawn = 2,
}
