namespace Sightline.Core.Privacy;

/// <summary>
/// A data-subject request as recorded: what was asked, by whom, why, and how it ended. It names the person only by
/// the identifier's type and keyed hash, so the record of an erasure does not undo it.
/// </summary>
public sealed record PrivacyRequest
{
    public long Id { get; init; }

    /// <summary>access, erase, rectify or object.</summary>
    public required string Type { get; init; }

    /// <summary>The type of identifier the person was named by (email, phone, crm_id, …).</summary>
    public required string IdentifierType { get; init; }

    /// <summary>Who asked: the API key or the CLI user.</summary>
    public required string RequestedBy { get; init; }

    public string? Reason { get; init; }

    /// <summary>received, completed, not_found or failed.</summary>
    public required string Status { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>The live profile the identifier resolved to, when it did.</summary>
    public string? Profile { get; init; }

    /// <summary>What was done: counts by kind (events erased, identifiers suppressed, …), never values.</summary>
    public IReadOnlyDictionary<string, long> Counts { get; init; } = new Dictionary<string, long>();
}

/// <summary>The kinds of request and their statuses.</summary>
public static class PrivacyRequests
{
    public const string Access = "access";
    public const string Erase = "erase";
    public const string Rectify = "rectify";
    public const string Objection = "object";

    public const string Received = "received";
    public const string Completed = "completed";
    public const string NotFound = "not_found";
    public const string Failed = "failed";

    public static readonly IReadOnlyList<string> Types = [Access, Erase, Rectify, Objection];
}
