namespace Sightline.Core.Sources;

/// <summary>Either a valid <see cref="NewSource"/> or the field and reason it was refused.</summary>
public sealed record SourceValidation(NewSource? Source, string? Field, string? Reason)
{
    public static SourceValidation Ok(NewSource source) => new(source, null, null);

    public static SourceValidation Fail(string field, string reason) => new(null, field, reason);
}
