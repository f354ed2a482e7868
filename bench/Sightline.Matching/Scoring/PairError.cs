using Sightline.Core.Identity.Matching;

namespace Sightline.Matching.Scoring;

/// <summary>A wrongly split or wrongly joined record pair, with its score when the matcher kept one.</summary>
internal sealed record PairError(int Left, int Right, ScoredPair? Score);
