namespace Sightline.Matching.Scoring;

/// <summary>Over a set of record pairs, how often one field agrees after folding, differs, or is missing on a side.</summary>
internal sealed record FieldAgreement(string Field, long Agree, long Differ, long Missing);
