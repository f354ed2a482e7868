namespace Sightline.Matching.Resolving;

/// <summary>What clusters the records: the matcher under test, or one of the sanity baselines beside it.</summary>
internal enum Resolver
{
    /// <summary><c>BatchMatcher.Resolve</c> with default settings.</summary>
    Matcher,

    /// <summary>Records with identical folded given name, surname and birth date: the floor any matcher must beat.</summary>
    ExactBaseline,

    /// <summary>The ground truth itself: every figure must be 1, which checks the loaders and the scoring.</summary>
    TruthAsPrediction,
}
