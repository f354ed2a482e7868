namespace Sightline.DemoScore.Joining;

/// <summary>One record of the truth with the profile Sightline put it on.</summary>
internal sealed record ScoredRecord(string Source, string RecordId, string Person, string Profile, IReadOnlyList<string> Traps);
