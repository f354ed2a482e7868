namespace Sightline.Core.Segments;

/// <summary>A person's choice for one consent purpose. Only <see cref="Granted"/> satisfies <c>consent("…")</c>.</summary>
public enum ConsentState
{
    /// <summary>No choice recorded: treated as not granted.</summary>
    Unknown,

    /// <summary>The purpose was granted.</summary>
    Granted,

    /// <summary>The purpose was denied.</summary>
    Denied,
}
