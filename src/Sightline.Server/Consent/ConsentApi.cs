using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Sightline.Core.Consent;
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

    private static async Task<Results<Accepted<DirectChange>, ValidationProblem, ProblemHttpResult>> PutAsync(
        string key, ConsentRequest request, ProfileKeys keys, DirectChanges changes, IOptions<SightlineOptions> options, CancellationToken cancellationToken)
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

        var (change, field, reason) = await changes.RecordAsync(profile, choices, request.Evidence, null, cancellationToken);
        return change is null ? Problem(field!, reason!) : TypedResults.Accepted($"/v1/profiles/{profile}/consent", change);
    }

    private static ValidationProblem Problem(string field, string reason) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [reason] });
}

/// <summary>The body of a consent change.</summary>
public sealed record ConsentRequest(Dictionary<string, bool>? Purposes, string? Evidence);

/// <summary>A profile's consent: the current choice per purpose, and every choice in order.</summary>
public sealed record ConsentView(string Profile, IReadOnlyDictionary<string, ChoiceView> Purposes, IReadOnlyList<ChoiceView> History);

/// <summary>One choice; <see cref="Granted"/> is null for a purpose the person never stated.</summary>
public sealed record ChoiceView(string? Purpose, bool? Granted, string? Source, DateTimeOffset? ObservedAt, string? MessageId, string? Evidence)
{
    public static readonly ChoiceView Unknown = new(null, null, null, null, null, null);

    public static ChoiceView From(ConsentRecord record) =>
        new(record.Purpose, record.Granted, record.Source, record.ObservedAt, record.MessageId, record.Evidence);
}
