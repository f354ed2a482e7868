namespace Sightline.Core.Profiles;

/// <summary>A trait value with its provenance: the source, its trust and kind, and when it was observed.</summary>
public sealed record TraitValue(string Name, string Json, string Source, int Trust, bool ThirdParty, DateTimeOffset ObservedAt, long Sequence);
