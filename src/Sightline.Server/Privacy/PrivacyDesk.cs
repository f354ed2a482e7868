using System.Text.Json;
using Sightline.Core.Identity;
using Sightline.Core.Privacy;
using Sightline.Core.Profiles;
using Sightline.Core.Storage;
using Sightline.Server.Consent;
using Sightline.Server.Profiles;

namespace Sightline.Server.Privacy;

/// <summary>
/// Takes a data-subject request from the API or the CLI: checks it, records it (naming the person by keyed hash only),
/// resolves the whole person from any identifier, carries it out and records how it ended.
/// An erasure runs between two batches of the pipeline, when one runs here; the CLI works with the server stopped.
/// </summary>
public sealed class PrivacyDesk(
    IProfileStore store, IPrivacyStore privacy, SuppressionList suppression, DirectChanges changes, IReadOnlyList<string> purposes, ProfilePipeline? pipeline = null)
{
    /// <summary>Carries out the request; the answer holds the recorded request, or the field at fault and why.</summary>
    public async Task<PrivacyAnswer> SubmitAsync(PrivacyRequestBody body, string requestedBy, CancellationToken cancellationToken)
    {
        if (Check(body) is { } problem)
        {
            return problem;
        }

        var identifier = Normalize(body.Identifier!)!.Value;
        var type = body.Type!.ToLowerInvariant();
        var request = new PrivacyRequest
        {
            Type = type,
            IdentifierType = identifier.Type,
            RequestedBy = requestedBy,
            Reason = body.Reason,
            Status = PrivacyRequests.Received,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        var id = await privacy.AddRequestAsync(request, suppression.Hash(identifier), cancellationToken);
        var profile = await new ProfileKeys(store).ResolveAsync(identifier.Type == ProfileType ? identifier.Value : identifier.ToString(), cancellationToken);
        if (profile is null)
        {
            await privacy.CompleteRequestAsync(id, PrivacyRequests.NotFound, null, new Dictionary<string, long>(), cancellationToken);
            return new PrivacyAnswer(await privacy.FindRequestAsync(id, cancellationToken), null, null, null);
        }

        try
        {
            var (counts, report) = await CarryOutAsync(type, profile.Value, id, body, cancellationToken);
            await privacy.CompleteRequestAsync(id, PrivacyRequests.Completed, profile.ToString(), counts, cancellationToken);
            return new PrivacyAnswer(await privacy.FindRequestAsync(id, cancellationToken), report, null, null);
        }
        catch
        {
            await privacy.CompleteRequestAsync(id, PrivacyRequests.Failed, profile.ToString(), new Dictionary<string, long>(), CancellationToken.None);
            throw;
        }
    }

    private async Task<(IReadOnlyDictionary<string, long> Counts, AccessReport? Report)> CarryOutAsync(
        string type, ProfileId profile, long id, PrivacyRequestBody body, CancellationToken cancellationToken)
    {
        var requests = new DataSubjectRequests(store, privacy, suppression);
        switch (type)
        {
            case PrivacyRequests.Access:
                var report = await requests.AccessAsync(profile, cancellationToken);
                return (new Dictionary<string, long>
                {
                    ["identities"] = report.Identities.Count,
                    ["traits"] = report.Traits.Count,
                    ["consents"] = report.Consents.Count,
                    ["events"] = report.Events.Count,
                    ["merges"] = report.Merges.Count,
                    ["quarantine"] = report.Quarantine.Count,
                    ["suggested_profiles"] = report.PossiblyAlsoTheirs.Count,
                }, report);
            case PrivacyRequests.Erase:
                var counts = await requests.EraseAsync(
                    profile, id, work => pipeline is null ? work(cancellationToken) : pipeline.ExclusiveAsync(work, cancellationToken), cancellationToken);
                return (counts, null);
            default:
                // Rectification and objection are new facts from the person, recorded like any other with the request as evidence.
                var (change, _, reason) = type == PrivacyRequests.Rectify
                    ? await changes.RecordAsync(profile, new Dictionary<string, bool>(), $"privacy request {id}", new Dictionary<string, JsonElement> { [body.Trait!] = body.Value!.Value }, cancellationToken)
                    : await changes.RecordAsync(profile, body.Purposes!.ToDictionary(p => p, _ => false), $"privacy request {id}: objection", null, cancellationToken);
                return change is null
                    ? throw new InvalidOperationException($"privacy request {id}: {reason}")
                    : (new Dictionary<string, long> { ["messages"] = 1 }, null);
        }
    }

    private PrivacyAnswer? Check(PrivacyRequestBody body)
    {
        if (body.Type is null || !PrivacyRequests.Types.Contains(body.Type.ToLowerInvariant()))
        {
            return Invalid("type", $"is required: one of {string.Join(", ", PrivacyRequests.Types)}");
        }

        if (body.Identifier is null || Normalize(body.Identifier) is null)
        {
            return Invalid("identifier", "is required as type:value, such as email:ana@example.com, phone:+34600123456, user_id:42, crm_id:C-77 or profile:1234, with a valid value for its type");
        }

        if (body.Reason is { Length: > 1000 })
        {
            return Invalid("reason", "must be at most 1,000 characters");
        }

        switch (body.Type.ToLowerInvariant())
        {
            case PrivacyRequests.Rectify when body.Trait is not { Length: > 0 and <= 200 }:
                return Invalid("trait", "is required for a rectification: the trait to correct, such as last_name or address.city");
            case PrivacyRequests.Rectify when body.Value is not { ValueKind: not JsonValueKind.Undefined }:
                return Invalid("value", "is required for a rectification: the corrected value (any JSON value)");
            case PrivacyRequests.Objection when body.Purposes is not { Count: > 0 }:
                return Invalid("purposes", $"is required for an objection: the purposes to withdraw, of {string.Join(", ", purposes)}");
            case PrivacyRequests.Objection when body.Purposes!.FirstOrDefault(p => !purposes.Contains(p)) is { } unknown:
                return Invalid("purposes", $"\"{unknown}\" is not a purpose; purposes are {string.Join(", ", purposes)}");
            default:
                return null;
        }
    }

    /// <summary>The suppression list under the configured secret, with every hash stored so far.</summary>
    public static SuppressionList Suppression(Hosting.SightlineOptions options, IPrivacyStore privacy)
    {
        var list = new SuppressionList(options.SuppressionKey());
        list.Add(privacy.SuppressedAsync(CancellationToken.None).GetAwaiter().GetResult());
        return list;
    }

    /// <summary>A request may name a profile by id (<c>profile:123</c>), as the access report lists possible other records.</summary>
    private const string ProfileType = "profile";

    private static Identifier? Normalize(string text) =>
        !Identifier.TryParse(text.Trim(), out var identifier) ? null
        : identifier.Type.Equals(ProfileType, StringComparison.OrdinalIgnoreCase)
            ? long.TryParse(identifier.Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _) ? new Identifier(ProfileType, identifier.Value) : null
            : new IdentifierNormalizer().Normalize(identifier.Type.ToLowerInvariant(), identifier.Value);

    private static PrivacyAnswer Invalid(string field, string reason) => new(null, null, field, reason);
}

/// <summary>A data-subject request as sent: <c>type</c> and <c>identifier</c>, with <c>trait</c> and <c>value</c> to rectify, <c>purposes</c> to object.</summary>
public sealed record PrivacyRequestBody(string? Type, string? Identifier, string? Reason = null, string? Trait = null, JsonElement? Value = null, IReadOnlyList<string>? Purposes = null);

/// <summary>The recorded request (and, for access, the report); or the field at fault and why.</summary>
public sealed record PrivacyAnswer(PrivacyRequest? Request, AccessReport? Report, string? Field, string? Reason);
