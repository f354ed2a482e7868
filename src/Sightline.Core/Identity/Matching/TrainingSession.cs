namespace Sightline.Core.Identity.Matching;

/// <summary>The comparison patterns of the pairs one blocking rule finds, and the fields its key fixes.</summary>
internal sealed record TrainingSession(string Rule, IReadOnlySet<string> Fixed, IReadOnlyDictionary<int, long> Patterns);
