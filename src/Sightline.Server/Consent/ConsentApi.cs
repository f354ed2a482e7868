using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Sightline.Core.Consent;
using Sightline.Core.Events;
using Sightline.Core.Identity;
using Sightline.Core.Sources;
using Sightline.Core.Storage;
using Sightline.Server.Access;
using Sightline.Server.Hosting;
using Sightline.Server.Profiles;

namespace Sightline.Server.Consent;

/// <summary>
/// A person's consent per purpose: <c>GET</c> the current choices with their history, <c>PUT</c> new ones. A change
/// is written to the log as a message from the built-in <c>sightline</c> source, so it has a time, a source and
/// evidence like any other, and rebuilds keep it.
/// </summary>
public static class ConsentApi
{
    /// <summary>The source of changes made through the API.</summary>
    public const string SourceName = "sightline";

    public static IEndpointRouteBuilder MapConsent(this IEndpointRouteBuilder app)
    {
        var consent = app.MapGroup("/v1/profiles/{key}/consent").RequireAuthorization(Policies.ReadProfiles).WithTags("Consent");
        consent.MapGet("/", GetAsync).WithName("get-consent").WithSummary("The current choice per purpose, with its source, time and evidence, and the whole history.");
        consent.MapPut("/", PutAsync).RequireAuthorization(Policies.Privacy).WithName("put-consent")
            .WithSummary("Grant or deny purposes: {\"purposes\": {\"email_marketing\": false}, \"evidence\": \"…\"}. Applied by the pipeline a moment later.");
        return app;
    }

    private static async Task<Results<Ok<ConsentView>, ProblemHttpResult>> GetAsync(
        string key, IProfileStore store, ProfileKeys keys, IOptions<SightlineOptions> options, CancellationToken cancellationToken)
    {
        if (await keys.ResolveAsync(key, cancellationToken) is not { } profile)
        {
            return ProfilesApi.NotFound(key);
        }

        var history = await store.ConsentHistoryAsync(profile, cancellationToken);
        var latest = history.GroupBy(c => c.Purpose).ToDictionary(g => g.Key, g => g.Last());
        var purposes = options.Value.Purposes().Concat(latest.Keys.Order(StringComparer.Ordinal)).Distinct()
            .ToDictionary(p => p, p => latest.TryGetValue(p, out var choice) ? ChoiceView.From(choice) : ChoiceView.Unknown);
        return TypedResults.Ok(new ConsentView(profile.ToString(), purposes, [.. history.Select(ChoiceView.From)]));
    }

    private static async Task<Results<Accepted<ConsentChange>, ValidationProblem, ProblemHttpResult>> PutAsync(
        string key, ConsentRequest request, IProfileStore store, ProfileKeys keys, ISourceCatalog sources, EventLogWriter writer, MessageParser parser,
        IOptions<SightlineOptions> options, CancellationToken cancellationToken)
    {
        if (await keys.ResolveAsync(key, cancellationToken) is not { } profile)
        {
            return ProfilesApi.NotFound(key);
        }

        var known = options.Value.Purposes();
        if (request.Purposes is not { Count: > 0 } choices)
        {
            return Problem("purposes", $"is required: an object of purpose → true (granted) or false (denied); purposes are {string.Join(", ", known)}");
        }

        if (choices.Keys.FirstOrDefault(p => !known.Contains(p)) is { } unknown)
        {
            return Problem($"purposes.{unknown}", $"is not a purpose; purposes are {string.Join(", ", known)} (Sightline:ConsentPurposes)");
        }

        if (request.Evidence is { Length: > 1000 })
        {
            return Problem("evidence", "must be at most 1,000 characters");
        }

        // The message must reach this profile through the pipeline: it carries the profile's most stable identifier.
        var identities = await store.IdentitiesAsync(profile, cancellationToken);
        if (identities.Count == 0)
        {
            return Problem("key", "the profile has no identifier to record consent against");
        }

        var anchor = identities.Select(i => i.Identifier).MinBy(i => Rank(i.Type));

        // A change made by a person through the API is first-hand: the most trusted source there is.
        var source = await sources.FindOrAddAsync(NewSource.Create(SourceName, "customer-direct", 100, null).Source!, cancellationToken);
        var receivedAt = DateTimeOffset.UtcNow;
        var parsed = parser.ForImports().Parse(ConsentPurposes.Message(anchor, choices, request.Evidence), MessageType.Identify, receivedAt);
        if (parsed.Accepted is not [var message])
        {
            return Problem(parsed.Rejected[0].Field, parsed.Rejected[0].Reason);
        }

        await writer.AppendAsync(source.Id, [message], [], receivedAt, cancellationToken);
        return TypedResults.Accepted($"/v1/profiles/{profile}/consent", new ConsentChange(profile.ToString(), message.MessageId, anchor.ToString()));
    }

    private static int Rank(string type) => type switch
    {
        IdentifierTypes.UserId => 0,
        IdentifierTypes.Email => 1,
        IdentifierTypes.Phone => 2,
        IdentifierTypes.AnonymousId => 9,
        _ => 5,
    };

    private static ValidationProblem Problem(string field, string reason) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [reason] });
}

/// <summary>The body of a consent change.</summary>
public sealed record ConsentRequest(Dictionary<string, bool>? Purposes, string? Evidence);

/// <summary>What a consent change was recorded as: the message in the log, and the identifier it was recorded against.</summary>
public sealed record ConsentChange(string Profile, string MessageId, string Identifier);

/// <summary>A profile's consent: the current choice per purpose, and every choice in order.</summary>
public sealed record ConsentView(string Profile, IReadOnlyDictionary<string, ChoiceView> Purposes, IReadOnlyList<ChoiceView> History);

/// <summary>One choice; <see cref="Granted"/> is null for a purpose the person never stated.</summary>
public sealed record ChoiceView(string? Purpose, bool? Granted, string? Source, DateTimeOffset? ObservedAt, string? MessageId, string? Evidence)
{
    public static readonly ChoiceView Unknown = new(null, null, null, null, null, null);

    public static ChoiceView From(ConsentRecord record) =>
        new(record.Purpose, record.Granted, record.Source, record.ObservedAt, record.MessageId, record.Evidence);
}
