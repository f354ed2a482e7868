using System.Text.Json;
using Sightline.Core.Consent;
using Sightline.Core.Identity;
using Sightline.Core.Profiles;
using Sightline.Core.Storage;

namespace Sightline.Core.Privacy;

/// <summary>
/// Answers access and erasure requests for a resolved person: the report of everything held, or the erasure and the
/// suppression of their identifiers. Both the server and the CLI run requests through here.
/// </summary>
/// <param name="profiles">The derived state the person is read from.</param>
/// <param name="privacy">Requests, suppression list and erasure.</param>
/// <param name="suppression">The in-memory suppression list ingestion and the pipeline consult.</param>
public sealed class DataSubjectRequests(IProfileStore profiles, IPrivacyStore privacy, SuppressionList suppression)
{
    private const int EventPage = 1_000;

    /// <summary>Everything held about the person, and where each piece came from.</summary>
    public async Task<AccessReport> AccessAsync(ProfileId person, CancellationToken cancellationToken)
    {
        var identities = await profiles.IdentitiesAsync(person, cancellationToken);
        var events = new List<ReportedEvent>();
        for (var before = long.MaxValue; ;)
        {
            var page = await profiles.EventsAsync(person, before, EventPage, null, null, cancellationToken);
            events.AddRange(page.Select(e => new ReportedEvent(
                e.Sequence, e.Source, e.MessageId, e.Type.ToString().ToLowerInvariant(), e.Timestamp, e.ReceivedAt, JsonSerializer.Deserialize<JsonElement>(e.Json.Span))));
            if (page.Count < EventPage)
            {
                break;
            }

            before = page[^1].Sequence;
        }

        var merges = await profiles.MergesAsync(person, cancellationToken);
        var suggested = new List<SuggestedRecord>();
        foreach (var id in await privacy.PendingSuggestionsAsync(person, cancellationToken))
        {
            if (await profiles.SuggestionAsync(id, cancellationToken) is { } suggestion)
            {
                var other = suggestion.LiveProfile == person ? suggestion.LiveOther : suggestion.LiveProfile;
                suggested.Add(new SuggestedRecord(id, other.ToString(), suggestion.Evidence.Probability));
            }
        }

        return new AccessReport(
            person.ToString(),
            DateTimeOffset.UtcNow,
            [.. merges.Where(m => !m.Blocked).Select(m => m.From.ToString()).Distinct()],
            [.. identities.Select(i => new ReportedIdentity(i.Identifier.Type, i.Identifier.Value, i.Source, i.FirstSeen, i.Sequence))],
            [.. (await profiles.TraitHistoryAsync(person, cancellationToken)).Select(t => new ReportedTrait(
                t.Name, JsonSerializer.Deserialize<JsonElement>(t.Json), t.Source, t.ObservedAt, t.Sequence))],
            await profiles.ConsentHistoryAsync(person, cancellationToken),
            [.. events.OrderBy(e => e.Sequence)],
            merges,
            [.. (await QuarantinedAsync([.. identities.Select(i => i.Identifier)], cancellationToken)).Select(q => new ReportedQuarantine(
                q.Id, q.Source, q.ReceivedAt, q.File, q.Line, q.Field, q.Reason, System.Text.Encoding.UTF8.GetString(q.Payload)))],
            suggested);
    }

    /// <summary>
    /// Erases the person. Their identifiers are suppressed first, so that what arrives while the erasure waits for the
    /// pipeline is dropped too; identifiers another person also holds (a household's phone) stay theirs and are not
    /// suppressed. <paramref name="exclusive"/> runs the deletion where the pipeline cannot interleave.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, long>> EraseAsync(
        ProfileId person, long requestId, Func<Func<CancellationToken, Task<IReadOnlyDictionary<string, long>>>, Task<IReadOnlyDictionary<string, long>>> exclusive,
        CancellationToken cancellationToken)
    {
        var identifiers = await privacy.PersonIdentifiersAsync(person, cancellationToken);
        var suggested = (await privacy.PendingSuggestionsAsync(person, cancellationToken)).Count;
        var hashes = identifiers.Where(i => !i.Shared).Select(i => suppression.Hash(i.Identifier)).ToList();
        suppression.Add(hashes);
        var quarantined = await QuarantinedAsync([.. identifiers.Select(i => i.Identifier)], cancellationToken);
        var counts = await exclusive(ct => privacy.EraseAsync(person, hashes, [.. quarantined.Select(q => q.Id)], requestId, ct));
        return new Dictionary<string, long>(counts)
        {
            ["identifiers_suppressed"] = hashes.Count,
            ["identifiers_shared_kept"] = identifiers.Count(i => i.Shared),
            ["suggested_profiles_not_erased"] = suggested,
        };
    }

    private async Task<IReadOnlyList<QuarantinedMessage>> QuarantinedAsync(IReadOnlyList<Identifier> identifiers, CancellationToken cancellationToken)
    {
        var mentions = new QuarantineMentions(identifiers);
        var found = new List<QuarantinedMessage>();
        await foreach (var entry in privacy.QuarantinedAsync(cancellationToken))
        {
            if (mentions.Matches(entry.Payload))
            {
                found.Add(entry);
            }
        }

        return found;
    }
}

/// <summary>The answer to an access request: everything Sightline holds about one person, with its sources.</summary>
public sealed record AccessReport(
    string Profile,
    DateTimeOffset GeneratedAt,
    IReadOnlyList<string> MergedProfiles,
    IReadOnlyList<ReportedIdentity> Identities,
    IReadOnlyList<ReportedTrait> Traits,
    IReadOnlyList<ConsentRecord> Consents,
    IReadOnlyList<ReportedEvent> Events,
    IReadOnlyList<MergeRecord> Merges,
    IReadOnlyList<ReportedQuarantine> Quarantine,
    IReadOnlyList<SuggestedRecord> PossiblyAlsoTheirs);

/// <summary>
/// A profile the matcher suggested may be the same person, not yet reviewed: not part of the report, and not erased
/// with them. The privacy officer decides (approve the merge first, or make a request for <c>profile:ID</c> too).
/// </summary>
public sealed record SuggestedRecord(long Suggestion, string Profile, double Probability);

public sealed record ReportedIdentity(string Type, string Value, string Source, DateTimeOffset FirstSeen, long Sequence);

public sealed record ReportedTrait(string Name, JsonElement Value, string Source, DateTimeOffset ObservedAt, long Sequence);

public sealed record ReportedEvent(long Sequence, string Source, string MessageId, string Type, DateTimeOffset Timestamp, DateTimeOffset ReceivedAt, JsonElement Message);

/// <summary>A quarantined message or row that mentions the person, as it was received.</summary>
public sealed record ReportedQuarantine(long Id, string? Source, DateTimeOffset ReceivedAt, string? File, long? Line, string Field, string Reason, string Payload);
