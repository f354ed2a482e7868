using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Sightline.Core.Sources;
using Sightline.Core.Storage;
using Sightline.Server.Access;

namespace Sightline.Server.Admin;

/// <summary>Administration over HTTP: sources and the quarantine. Needs an API key with the admin role.</summary>
public static class AdminApi
{
    public static IEndpointRouteBuilder MapAdmin(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/v1/admin").RequireAuthorization(ApiKeys.AdminRole).WithTags("Admin");
        admin.MapPost("/sources", AddSourceAsync).WithName("add-source").WithSummary("Register a source and get its write key.");
        admin.MapGet("/sources", ListSourcesAsync).WithName("list-sources").WithSummary("List sources with their write keys.");
        admin.MapGet("/quarantine", ListQuarantineAsync).WithName("list-quarantine")
            .WithSummary("Rejected messages, newest first, with the field, the reason and the raw payload.");
        return app;
    }

    private static async Task<Results<Created<SourceView>, ValidationProblem, Conflict<HttpValidationProblemDetails>>> AddSourceAsync(
        AddSourceRequest request, ISourceCatalog sources, CancellationToken cancellationToken)
    {
        var validation = NewSource.Create(request.Name, request.Kind, request.Trust, request.WriteKey, request.PhoneRegion, request.IdentifierTraits);
        if (validation.Source is not { } source)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [validation.Field!] = [validation.Reason!] });
        }

        var added = await sources.AddAsync(source, cancellationToken);
        if (added.Source is null)
        {
            return TypedResults.Conflict(new HttpValidationProblemDetails(
                new Dictionary<string, string[]> { [added.ConflictField!] = ["another source already has this value"] })
            {
                Title = "Source exists",
                Status = StatusCodes.Status409Conflict,
            });
        }

        return TypedResults.Created($"/v1/admin/sources/{added.Source.Name}", SourceView.From(added.Source));
    }

    private static async Task<Ok<SourceView[]>> ListSourcesAsync(ISourceCatalog sources, CancellationToken cancellationToken) =>
        TypedResults.Ok((await sources.ListAsync(cancellationToken)).Select(SourceView.From).ToArray());

    private static async Task<Ok<QuarantineView[]>> ListQuarantineAsync(
        IQuarantine quarantine, string? source, int? limit, CancellationToken cancellationToken)
    {
        var rows = await quarantine.ListAsync(source, Math.Clamp(limit ?? 100, 1, 10_000), cancellationToken);
        return TypedResults.Ok(rows.Select(QuarantineView.From).ToArray());
    }
}

/// <summary>The body of <c>POST /v1/admin/sources</c>; kind and trust default, the write key is generated when absent.</summary>
public sealed record AddSourceRequest(string? Name, string? Kind, int? Trust, string? WriteKey, string? PhoneRegion = null, string[]? IdentifierTraits = null);

/// <summary>A source as the admin API shows it.</summary>
public sealed record SourceView(string Name, string Kind, int Trust, string WriteKey, DateTimeOffset CreatedAt, string? PhoneRegion, IReadOnlyList<string> IdentifierTraits)
{
    public static SourceView From(Source source) =>
        new(source.Name, NewSource.KindName(source.Kind), source.Trust, source.WriteKey, source.CreatedAt, source.PhoneRegion, source.IdentifierTraits);
}

/// <summary>A quarantined message as the admin API shows it; the payload is text when it is valid UTF-8, else base64.</summary>
public sealed record QuarantineView(
    long Id, string? Source, DateTimeOffset ReceivedAt, int? Index, string? MessageId, string Field, string Reason,
    string? Payload, string? PayloadBase64)
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    public static QuarantineView From(QuarantinedMessage row)
    {
        string? text;
        try
        {
            text = StrictUtf8.GetString(row.Payload);
        }
        catch (DecoderFallbackException)
        {
            text = null;
        }

        return new QuarantineView(
            row.Id, row.Source, row.ReceivedAt, row.Index, row.MessageId, row.Field, row.Reason,
            text, text is null ? Convert.ToBase64String(row.Payload) : null);
    }
}
