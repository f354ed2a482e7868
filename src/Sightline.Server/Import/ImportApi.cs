using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Sightline.Core.Import;
using Sightline.Core.Sources;
using Sightline.Core.Storage;
using Sightline.Server.Access;
using Sightline.Server.Hosting;

namespace Sightline.Server.Import;

/// <summary><c>POST /v1/import/{source}</c>: a tool pushes an export file; the body is the file, streamed.</summary>
public static class ImportApi
{
    public static void MapImport(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/import/{source}", ImportAsync)
            .RequireAuthorization(Policies.Admin)
            .WithMetadata(new RequestSizeLimitAttribute(app.ServiceProvider.GetRequiredService<IOptions<SightlineOptions>>().Value.MaxImportBytes))
            .DisableRequestTimeout()
            .WithName("import-file")
            .WithTags("Import")
            .WithSummary("Import a CSV or JSON-lines file into a source, with a mapping (preset:NAME, or the source's last one).");
    }

    private static async Task<Results<Ok<ImportSummary>, ValidationProblem>> ImportAsync(
        string source, string? mapping, string? file, HttpRequest request, ImportService imports, ISourceCatalog sources, IImportStore store, CancellationToken cancellationToken)
    {
        var reference = mapping;
        if (reference is null)
        {
            // A tool that pushes the same export every night names no mapping: the source's last import's is used.
            var known = await sources.FindAsync(source, cancellationToken);
            reference = known is null ? null : await store.LastMappingAsync(known.Id, cancellationToken);
            if (reference is null)
            {
                return Problem("mapping", $"source \"{source}\" has no earlier import to take a mapping from: pass ?mapping=preset:NAME ({string.Join(", ", MappingLoader.Presets)})");
            }
        }
        else if (!reference.StartsWith(MappingLoader.PresetPrefix, StringComparison.Ordinal))
        {
            // A server must not read arbitrary paths named by a caller; files are for the CLI.
            return Problem("mapping", $"must be preset:NAME ({string.Join(", ", MappingLoader.Presets)}), or omitted to reuse the source's last mapping");
        }

        var loaded = reference.StartsWith(MappingLoader.PresetPrefix, StringComparison.Ordinal) ? MappingLoader.Load(reference) : MappingLoader.Parse(reference, "the last mapping");
        if (loaded.Mapping is not { } map)
        {
            return Problem("mapping", loaded.Error!);
        }

        var name = file ?? (request.ContentType?.Contains("ndjson", StringComparison.OrdinalIgnoreCase) == true || request.ContentType?.Contains("jsonl", StringComparison.OrdinalIgnoreCase) == true
            ? "upload.jsonl"
            : "upload.csv");
        // The body goes to a temporary file first: the CSV reader reads synchronously, which Kestrel forbids on the
        // request stream, and a file keeps memory flat however large the upload.
        var spool = Path.GetTempFileName();
        try
        {
            await using var upload = new FileStream(spool, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
            await request.Body.CopyToAsync(upload, cancellationToken);
            upload.Position = 0;
            return TypedResults.Ok(await imports.ImportAsync(upload, name, source, map, null, cancellationToken));
        }
        catch (ImportException e)
        {
            return Problem("body", e.Message);
        }
        finally
        {
            File.Delete(spool);
        }
    }

    private static ValidationProblem Problem(string field, string reason) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [reason] });
}
