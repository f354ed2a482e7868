using Sightline.Matching.Resolving;
using Sightline.Matching.Scoring;

namespace Sightline.Matching.Reporting;

/// <summary>One line of the final table: a data set resolved by one resolver.</summary>
internal sealed record SummaryRow(string Dataset, bool Linkage, int Records, Resolver Resolver, long Comparisons, TimeSpan Median, Accuracy Accuracy, double? PublishedF1);
