using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Sightline.Core.Audiences;
using Sightline.Core.Segments;
using Sightline.Server.Access;
using Sightline.Server.Hosting;

namespace Sightline.Server.Segments;

/// <summary>
/// Segments over HTTP: check an expression, preview its size, save, change and delete segments, page through members
/// and their entries and exits, export the audience. Reading needs a profile-reading role; changing, managing segments.
/// </summary>
public static class SegmentsApi
{
    public static IEndpointRouteBuilder MapSegments(this IEndpointRouteBuilder app)
    {
        var manage = app.MapGroup("/v1/segments").RequireAuthorization(Policies.ManageSegments).WithTags("Segments");
        manage.MapPost("/validate", ValidateAsync).WithName("validate-segment")
            .WithSummary("Check an expression ({\"expression\": \"country = \\\"ES\\\" and orders_90d >= 2\"}): diagnostics with line and column, what it reads, its canonical form.");
        manage.MapPost("/preview", PreviewAsync).WithName("preview-segment")
            .WithSummary("Size of an expression over the live profiles now, with a sample of members, without saving it.");
        manage.MapPost("/", CreateAsync).WithName("create-segment").WithSummary("Save a segment ({name, expression, description}); members are evaluated at once and kept up to date.");
        manage.MapPut("/{segment}", UpdateAsync).WithName("update-segment").WithSummary("Change a segment's name, expression or description; members are evaluated again.");
        manage.MapDelete("/{segment}", DeleteAsync).WithName("delete-segment").WithSummary("Delete a segment (refused while another segment refers to it).");

        var read = app.MapGroup("/v1/segments").RequireAuthorization(Policies.ReadProfiles).WithTags("Segments");
        read.MapGet("/", ListAsync).WithName("list-segments").WithSummary("Every segment with its size.");
        read.MapGet("/{segment}", GetAsync).WithName("get-segment").WithSummary("One segment, by name or id, with its size.");
        read.MapGet("/{segment}/members", MembersAsync).WithName("segment-members")
            .WithSummary("Members, by profile id, paged with ?after=CURSOR&limit=N; ?traits=email,orders_90d adds trait values.");
        read.MapGet("/{segment}/history", HistoryAsync).WithName("segment-history").WithSummary("Entries and exits, newest first, paged with ?before=CURSOR.");
        read.MapGet("/{segment}/export", ExportAsync).WithName("export-audience")
            .WithSummary("The audience as ?format=csv|jsonl with ?traits=…; ?purpose=email_marketing leaves out members without that consent.");
        return app;
    }

    private static async Task<Results<Ok<SegmentValidation>, ValidationProblem>> ValidateAsync(
        SegmentText body, SegmentAuthoring authoring, CancellationToken cancellationToken)
    {
        if (body.Expression is null)
        {
            return Required("expression", "the segment's text");
        }

        var result = await authoring.CheckAsync(body.Expression, body.Name, null, cancellationToken);
        var diagnostics = Diagnostics(result);
        if (!result.Succeeded)
        {
            return TypedResults.Ok(new SegmentValidation(false, diagnostics, null, null));
        }

        var reads = await authoring.ReadsAsync(result, cancellationToken);
        return TypedResults.Ok(new SegmentValidation(
            true, diagnostics, SegmentPrinter.Print(result.Expression!),
            new DependencyView(reads.Traits, reads.ComputedTraits, reads.Events, reads.Segments, reads.ConsentPurposes, reads.IsTimeDependent)));
    }

    private static async Task<Results<Ok<PreviewView>, ValidationProblem, ProblemHttpResult>> PreviewAsync(
        SegmentText body, SegmentAuthoring authoring, CancellationToken cancellationToken)
    {
        if (body.Expression is null)
        {
            return Required("expression", "the segment's text");
        }

        var result = await authoring.CheckAsync(body.Expression, body.Name, null, cancellationToken);
        if (!result.Succeeded)
        {
            return Invalid(result);
        }

        if (await authoring.PreviewAsync(result, cancellationToken) is not { Preview: var preview, Took: var took })
        {
            return TypedResults.Problem(
                "Profiles are still loading, or this node does not run the profile pipeline (Sightline:Pipeline = false): previews need it.",
                statusCode: StatusCodes.Status503ServiceUnavailable, title: "Preview not available yet");
        }

        return TypedResults.Ok(new PreviewView(preview.Size, preview.Profiles, [.. preview.Sample.Select(p => p.ToString())], Math.Round(took.TotalMilliseconds, 1)));
    }

    private static async Task<Results<Created<SegmentView>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        SegmentBody body, SegmentAuthoring authoring, ISegmentStore store, CancellationToken cancellationToken)
    {
        var outcome = await authoring.CreateAsync(body.Name, body.Expression, body.Description, cancellationToken);
        return outcome switch
        {
            { Segment: { } saved } => TypedResults.Created($"/v1/segments/{saved.Id}", await ViewAsync(saved, store, authoring, cancellationToken)),
            { Problem: { Kind: SegmentRefusal.NameTaken or SegmentRefusal.Referenced } conflict } => Conflict(conflict, "renamed"),
            _ => Invalid(outcome.Problem!),
        };
    }

    private static async Task<Results<Ok<SegmentView>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        string segment, SegmentBody body, SegmentAuthoring authoring, ISegmentStore store, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(RouteName(segment), cancellationToken) is not { } existing)
        {
            return Missing(segment);
        }

        var outcome = await authoring.UpdateAsync(existing, body.Name, body.Expression, body.Description, cancellationToken);
        return outcome switch
        {
            { Segment: { } saved } => TypedResults.Ok(await ViewAsync(saved, store, authoring, cancellationToken)),
            { Problem: { Kind: SegmentRefusal.NameTaken or SegmentRefusal.Referenced } conflict } => Conflict(conflict, "renamed"),
            _ => Invalid(outcome.Problem!),
        };
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string segment, SegmentAuthoring authoring, ISegmentStore store, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(RouteName(segment), cancellationToken) is not { } existing)
        {
            return Missing(segment);
        }

        return (await authoring.DeleteAsync(existing, cancellationToken)).Problem is { } problem ? Conflict(problem, "deleted") : TypedResults.NoContent();
    }

    private static async Task<Ok<SegmentView[]>> ListAsync(ISegmentStore store, SegmentAuthoring authoring, CancellationToken cancellationToken)
    {
        var sizes = await store.SizesAsync(cancellationToken);
        var status = authoring.Status();
        return TypedResults.Ok((await store.ListAsync(cancellationToken)).Select(s => View(s, sizes, status)).ToArray());
    }

    private static async Task<Results<Ok<SegmentView>, ProblemHttpResult>> GetAsync(
        string segment, ISegmentStore store, SegmentAuthoring authoring, CancellationToken cancellationToken) =>
        await store.FindAsync(RouteName(segment), cancellationToken) is { } found ? TypedResults.Ok(await ViewAsync(found, store, authoring, cancellationToken)) : Missing(segment);

    private static async Task<Results<Ok<MembersView>, ProblemHttpResult>> MembersAsync(
        string segment, long? after, int? limit, string? traits, ISegmentStore store, AudienceExport export, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(RouteName(segment), cancellationToken) is not { } found)
        {
            return Missing(segment);
        }

        var size = Math.Clamp(limit ?? 100, 1, 1000);
        var page = await store.MembersAsync(found.Id, after ?? 0, size, cancellationToken);
        var names = Split(traits);
        var members = new List<MemberView>(page.Count);
        foreach (var member in page)
        {
            Dictionary<string, object?>? values = null;
            if (names.Count > 0)
            {
                var json = await export.ValuesAsync(member.Profile, names, time.GetUtcNow(), cancellationToken);
                values = names.ToDictionary(n => n, n => json.TryGetValue(n, out var value) ? (object?)JsonDocument.Parse(value).RootElement : null, StringComparer.Ordinal);
            }

            members.Add(new MemberView(member.Profile.ToString(), member.Since, values));
        }

        return TypedResults.Ok(new MembersView(
            [.. members], page.Count == size ? page[^1].Profile.Value.ToString(CultureInfo.InvariantCulture) : null));
    }

    private static async Task<Results<Ok<HistoryView>, ProblemHttpResult>> HistoryAsync(
        string segment, long? before, int? limit, ISegmentStore store, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(RouteName(segment), cancellationToken) is not { } found)
        {
            return Missing(segment);
        }

        var size = Math.Clamp(limit ?? 100, 1, 1000);
        var entries = await store.HistoryAsync(found.Id, null, before ?? long.MaxValue, size, cancellationToken);
        return TypedResults.Ok(new HistoryView(
            [.. entries.Select(e => new HistoryEntryView(found.Name, e.Profile.ToString(), e.Entered ? "entered" : "left", e.At))],
            entries.Count == size ? entries[^1].Id.ToString(CultureInfo.InvariantCulture) : null));
    }

    /// <summary>The audience file; the dashboard's download calls it too, so both are the same file, audited the same way.</summary>
    internal static async Task<IResult> ExportAsync(
        string segment, string? format, string? traits, string? purpose, HttpContext http, ISegmentStore store, AudienceExport export,
        IOptions<SightlineOptions> options, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(RouteName(segment), cancellationToken) is not { } found)
        {
            return Missing(segment);
        }

        format = string.IsNullOrEmpty(format) ? "csv" : format;
        purpose = string.IsNullOrEmpty(purpose) ? null : purpose;
        if (!AudienceExport.Formats.Contains(format))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["format"] = [$"\"{format}\" is not a format: use csv or jsonl"] });
        }

        if (purpose is not null && !options.Value.Purposes().Contains(purpose))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["purpose"] = [$"\"{purpose}\" is not a consent purpose: {string.Join(", ", options.Value.Purposes())}"] });
        }

        http.Response.ContentType = format == "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson";
        // Names may hold any letter: an ASCII file name for old clients, and the exact one as filename* (RFC 6266).
        var disposition = new Microsoft.Net.Http.Headers.ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName($"{found.Name}.{format}");
        http.Response.Headers.ContentDisposition = disposition.ToString();
        await export.WriteAsync(found, format, Split(traits), purpose, http.Response.Body, cancellationToken);
        return TypedResults.Empty;
    }

    private static async Task<SegmentView> ViewAsync(SegmentDefinition segment, ISegmentStore store, SegmentAuthoring authoring, CancellationToken cancellationToken) =>
        View(segment, await store.SizesAsync(cancellationToken), authoring.Status());

    private static SegmentView View(SegmentDefinition segment, IReadOnlyDictionary<long, int> sizes, Func<SegmentDefinition, string> status) => new(
        segment.Id, segment.Name, segment.Expression, segment.Description, sizes.GetValueOrDefault(segment.Id), status(segment), segment.CreatedAt, segment.UpdatedAt);

    /// <summary>
    /// A segment's name from a route: the server decodes every escape in a path but %2F (it would end a path segment),
    /// and names may hold slashes.
    /// </summary>
    internal static string RouteName(string segment) => segment.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);

    /// <summary>A comma-separated list of names, each once.</summary>
    internal static List<string> Split(string? list) =>
        [.. (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)];

    private static string Names(IReadOnlyList<string> names) => string.Join(", ", names.Select(n => $"\"{n}\""));

    private static ProblemHttpResult Missing(string segment) => TypedResults.Problem(
        $"No segment is named \"{segment}\" or has that id; GET /v1/segments lists them.", statusCode: StatusCodes.Status404NotFound, title: "Segment not found");

    /// <summary>A taken name, or a segment others refer to that cannot be <paramref name="changed"/> ("renamed", "deleted").</summary>
    private static ProblemHttpResult Conflict(SegmentProblem problem, string changed) => TypedResults.Problem(
        problem.Kind == SegmentRefusal.NameTaken
            ? $"field \"name\": a segment named \"{problem.Subject}\" exists already; PUT /v1/segments/{{name}} changes it."
            : $"{(changed == "renamed" ? "field \"name\": " : "")}segment \"{problem.Subject}\" cannot be {changed} while {Names(problem.Referrers)} refer to it.",
        statusCode: StatusCodes.Status409Conflict, title: "Segment conflict");

    private static ValidationProblem Invalid(SegmentProblem problem) => problem.Kind switch
    {
        SegmentRefusal.InvalidName => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = [problem.Subject] }),
        SegmentRefusal.InvalidExpression => Invalid(problem.Check!),
        _ => Required("expression", "the segment's text"),
    };

    private static ValidationProblem Required(string field, string what) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [$"is required: {what}"] });

    private static ValidationProblem Invalid(SegmentParseResult result) => TypedResults.ValidationProblem(
        new Dictionary<string, string[]>
        {
            ["expression"] = [.. result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => $"line {d.Line}, column {d.Column}: {d.Message}")],
        },
        extensions: new Dictionary<string, object?> { ["diagnostics"] = Diagnostics(result) });

    private static List<DiagnosticView> Diagnostics(SegmentParseResult result) =>
        [.. result.Diagnostics.Select(d => new DiagnosticView(d.Severity.ToString().ToLowerInvariant(), d.Line, d.Column, d.Length, d.Message))];
}

/// <summary>A segment's text, and optionally the name it will be saved under (so references to itself are caught).</summary>
public sealed record SegmentText(string? Expression, string? Name = null);

/// <summary>A segment to save.</summary>
public sealed record SegmentBody(string? Name, string? Expression, string? Description);

/// <summary>A saved segment; <see cref="Status"/> is "evaluating" until the pipeline has put its latest version in force.</summary>
public sealed record SegmentView(long Id, string Name, string Expression, string? Description, int Size, string Status, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public sealed record PreviewView(int Size, int Profiles, string[] Sample, double Milliseconds);

public sealed record MemberView(string Profile, DateTimeOffset Since, Dictionary<string, object?>? Traits);

public sealed record MembersView(MemberView[] Members, string? Next);

public sealed record HistoryEntryView(string Segment, string Profile, string Change, DateTimeOffset At);

public sealed record HistoryView(HistoryEntryView[] Entries, string? Next);

/// <summary>Whether the expression is valid, every diagnostic, and for a valid one its canonical text and what it reads.</summary>
public sealed record SegmentValidation(bool Valid, IReadOnlyList<DiagnosticView> Diagnostics, string? Canonical, DependencyView? Reads);

/// <summary>One diagnostic: error or warning, where (1-based line and column, length) and what is wrong.</summary>
public sealed record DiagnosticView(string Severity, int Line, int Column, int Length, string Message);

/// <summary>What a segment reads; <see cref="TimeDependent"/> ones are re-evaluated on schedule as time passes.</summary>
public sealed record DependencyView(
    IReadOnlyList<string> Traits, IReadOnlyList<string> ComputedTraits, IReadOnlyList<string> Events, IReadOnlyList<string> Segments,
    IReadOnlyList<string> ConsentPurposes, bool TimeDependent);
