using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Sightline.Cli.Hosting;
using Sightline.Core.Privacy;
using Sightline.Server.Privacy;
using Spectre.Console;

namespace Sightline.Cli.Privacy;

/// <summary>
/// Data-subject requests from the command line, as <c>POST /v1/privacy/requests</c> does them. It works on the database
/// directly, so run it with the server stopped (or use the API while it runs).
/// </summary>
internal static class PrivacyCommand
{
    private static readonly JsonSerializerOptions Indented = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Command Create() => new("privacy", "Data-subject requests: access, erase, rectify, object; the requests made and the suppression list.")
    {
        Access(), Erase(), Rectify(), Objection(), Requests(), Suppressed(),
    };

    private static Argument<string> Identifier() => new("identifier")
    {
        Description = "Any identifier of the person, as type:value (email:ana@example.com, phone:+34600123456, user_id:42, crm_id:C-77).",
    };

    private static Option<string?> Reason() => new("--reason") { Description = "Why (a ticket number, the request's reference); kept with the request. No personal data." };

    private static Command Access()
    {
        var (identifier, reason, data) = (Identifier(), Reason(), CliOptions.Data());
        var output = new Option<FileInfo?>("--out") { Description = "Write the report (JSON) to this file instead of standard output." };
        var command = new Command("access", "Everything held about a person, with where each piece came from, as JSON.") { identifier, reason, output, data };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var answer = await SubmitAsync(parse.GetValue(data), new PrivacyRequestBody(PrivacyRequests.Access, parse.GetValue(identifier), parse.GetValue(reason)), cancellationToken);
            if (answer?.Report is { } report)
            {
                if (parse.GetValue(output) is { } file)
                {
                    await File.WriteAllTextAsync(file.FullName, JsonSerializer.Serialize(report, Indented), cancellationToken);
                    await Console.Error.WriteLineAsync($"Wrote the report to {file.FullName}.");
                }
                else
                {
                    Console.WriteLine(JsonSerializer.Serialize(report, Indented));
                }
            }

            return answer is null ? 2 : 0;
        });
        return command;
    }

    private static Command Erase()
    {
        var (identifier, reason, data) = (Identifier(), Reason(), CliOptions.Data());
        var command = new Command("erase", "Erase a person (every merged profile, their events, identities, traits, consents, quarantine rows) and suppress their identifiers.")
        {
            identifier, reason, data,
        };
        command.SetAction(async (parse, cancellationToken) =>
            await SubmitAsync(parse.GetValue(data), new PrivacyRequestBody(PrivacyRequests.Erase, parse.GetValue(identifier), parse.GetValue(reason)), cancellationToken) is null ? 2 : 0);
        return command;
    }

    private static Command Rectify()
    {
        var (identifier, reason, data) = (Identifier(), Reason(), CliOptions.Data());
        var trait = new Option<string>("--trait") { Description = "The trait to correct (last_name, address.city).", Required = true };
        var value = new Option<string>("--value") { Description = "The corrected value; JSON (\"García\", 42, true) or plain text.", Required = true };
        var command = new Command("rectify", "Correct a trait: recorded as a new value from the person, with its provenance.") { identifier, trait, value, reason, data };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var text = parse.GetValue(value)!;
            JsonElement json;
            try
            {
                json = JsonSerializer.Deserialize<JsonElement>(text);
            }
            catch (JsonException)
            {
                json = JsonSerializer.SerializeToElement(text);
            }

            var body = new PrivacyRequestBody(PrivacyRequests.Rectify, parse.GetValue(identifier), parse.GetValue(reason), parse.GetValue(trait), json);
            return await SubmitAsync(parse.GetValue(data), body, cancellationToken) is null ? 2 : 0;
        });
        return command;
    }

    private static Command Objection()
    {
        var (identifier, reason, data) = (Identifier(), Reason(), CliOptions.Data());
        var purposes = new Option<string[]>("--purpose") { Description = "A purpose the person withdraws consent for (repeat for several).", Required = true, AllowMultipleArgumentsPerToken = true };
        var command = new Command("object", "Withdraw consent for purposes (the person objects to that processing).") { identifier, purposes, reason, data };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var body = new PrivacyRequestBody(PrivacyRequests.Objection, parse.GetValue(identifier), parse.GetValue(reason), Purposes: parse.GetValue(purposes));
            return await SubmitAsync(parse.GetValue(data), body, cancellationToken) is null ? 2 : 0;
        });
        return command;
    }

    private static Command Requests()
    {
        var data = CliOptions.Data();
        var json = CliOptions.Json();
        var limit = new Option<int>("--limit") { Description = "How many, newest first.", DefaultValueFactory = _ => 100 };
        var command = new Command("requests", "The requests made: type, identifier type, who, why, status, completion time and counts.") { limit, json, data };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var requests = await CliOptions.Privacy(parse.GetValue(data)).Store.ListRequestsAsync(Math.Max(1, parse.GetValue(limit)), cancellationToken);
            if (parse.GetValue(json))
            {
                CliOptions.WriteJsonLines(requests);
                return 0;
            }

            var table = new Table().AddColumns("Id", "Type", "By", "Who", "Why", "Status", "Received", "Completed", "Profile", "Counts");
            foreach (var r in requests)
            {
                table.AddRow(
                    r.Id.ToString(CultureInfo.InvariantCulture), r.Type, r.IdentifierType, Markup.Escape(r.RequestedBy), Markup.Escape(r.Reason ?? ""), r.Status,
                    r.CreatedAt.ToString("u", CultureInfo.InvariantCulture), r.CompletedAt?.ToString("u", CultureInfo.InvariantCulture) ?? "-", r.Profile ?? "-",
                    string.Join(", ", r.Counts.Where(c => c.Value > 0).Select(c => $"{c.Key} {c.Value:N0}")));
            }

            AnsiConsole.Write(table);
            return 0;
        });
        return command;
    }

    private static Command Suppressed()
    {
        var data = CliOptions.Data();
        var command = new Command("suppressed", "How many identifiers are suppressed (kept only as keyed hashes) and what was dropped for carrying one, per source.") { data };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (_, store, suppression) = CliOptions.Privacy(parse.GetValue(data));
            Console.WriteLine($"{suppression.Count} suppressed identifiers");
            foreach (var (source, dropped) in await store.DroppedAsync(cancellationToken))
            {
                Console.WriteLine($"{source}: {dropped} dropped");
            }

            return 0;
        });
        return command;
    }

    /// <summary>Runs the request and prints how it ended; null (after printing the error) when it was refused.</summary>
    private static async Task<PrivacyAnswer?> SubmitAsync(string? dataFlag, PrivacyRequestBody body, CancellationToken cancellationToken)
    {
        var answer = await CliOptions.Privacy(dataFlag).Desk.SubmitAsync(body, $"cli ({Environment.UserName})", cancellationToken);
        if (answer.Request is not { } request)
        {
            await Console.Error.WriteLineAsync($"error: {answer.Field}: {answer.Reason}");
            return null;
        }

        var counts = string.Join(", ", request.Counts.Where(c => c.Value > 0).Select(c => $"{c.Key} {c.Value:N0}"));
        await Console.Error.WriteLineAsync(request.Status == PrivacyRequests.NotFound
            ? $"Request {request.Id} ({request.Type}): no one holds that {request.IdentifierType}; nothing is kept about them."
            : $"Request {request.Id} ({request.Type}) {request.Status} for profile {request.Profile}{(counts.Length > 0 ? ": " + counts : "")}.");
        return answer;
    }
}
