namespace Sightline.Core.ComputedTraits;

/// <summary>The definitions read from a file, or every problem found in it (each naming the trait and key).</summary>
public sealed record TraitDefinitionsResult(IReadOnlyList<TraitDefinition> Definitions, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}
