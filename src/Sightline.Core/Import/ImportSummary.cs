namespace Sightline.Core.Import;

/// <summary>
/// The outcome of one import. <see cref="Read"/> = <see cref="Imported"/> + <see cref="Updated"/> +
/// <see cref="Unchanged"/> + <see cref="Quarantined"/> + <see cref="Suppressed"/>: every row read is accounted for.
/// </summary>
public sealed record ImportSummary
{
    public long ImportId { get; init; }

    public string Source { get; init; } = "";

    public string File { get; init; } = "";

    public long Read { get; init; }

    /// <summary>Rows whose record id the source had not seen: new messages.</summary>
    public long Imported { get; init; }

    /// <summary>Rows of known records with changed content: new versions.</summary>
    public long Updated { get; init; }

    /// <summary>Rows exactly as imported before: nothing written.</summary>
    public long Unchanged { get; init; }

    public long Quarantined { get; init; }

    /// <summary>Rows about an erased person (carrying a suppressed identifier): dropped, not written.</summary>
    public long Suppressed { get; init; }

    public double Seconds { get; init; }

    public ImportSummary Add(ImportCounts counts, long read) => this with
    {
        Read = Read + read,
        Imported = Imported + counts.Imported,
        Updated = Updated + counts.Updated,
        Unchanged = Unchanged + counts.Unchanged,
        Quarantined = Quarantined + counts.Quarantined,
    };

    public ImportSummary AddSuppressed(long rows) => this with { Read = Read + rows, Suppressed = Suppressed + rows };
}
