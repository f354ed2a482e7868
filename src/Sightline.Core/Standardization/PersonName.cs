namespace Sightline.Core.Standardization;

/// <summary>A person's name split in two, each part cleaned; null where the source had none.</summary>
public sealed record PersonName(string? GivenName, string? Surname);
