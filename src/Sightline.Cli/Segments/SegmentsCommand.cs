using System.CommandLine;
using System.Diagnostics;
using Microsoft.Extensions.Options;
using Sightline.Cli.Hosting;
using Sightline.Core.Audiences;
using Sightline.Core.Segments;
using Sightline.Server.Segments;
using Spectre.Console;

namespace Sightline.Cli.Segments;

/// <summary>
/// Segments from the command line, as <c>/v1/segments</c> does them. It works on the database directly and brings
/// memberships up to date before it answers, so run it with the server stopped (or use the API while it runs).
/// </summary>
internal static class SegmentsCommand
{
    public static Command Create() => new("segments", "Write, preview, list, change and delete segments (docs/segment-language.md).")
    {
        List(), Show(), CreateSegment(), Update(), Delete(), Preview(),
    };

    private static Argument<string> Name() => new("name") { Description = "The segment's name (quote it when it has spaces), or its id." };

    private static Argument<string> Expression() => new("expression") { Description = "The segment in the segment language, e.g. 'country = \"ES\" and orders_90d >= 2'." };

    private static Command List()
    {
        var (data, json) = (CliOptions.Data(), CliOptions.Json());
        var command = new Command("list", "Every segment with its size.") { json, data };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var cli = CliPipeline.Open(parse.GetValue(data));
            await cli.CatchUpAsync(cancellationToken);
            var sizes = await cli.Segments.SizesAsync(cancellationToken);
            var segments = await cli.Segments.ListAsync(cancellationToken);
            if (parse.GetValue(json))
            {
                CliOptions.WriteJsonLines(segments.Select(s => new { s.Id, s.Name, Size = sizes.GetValueOrDefault(s.Id), s.Expression, s.Description, s.UpdatedAt }));
                return 0;
            }

            var table = new Table().AddColumns("Id", "Name", "Size", "Expression", "Updated");
            foreach (var s in segments)
            {
                table.AddRow(
                    s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(s.Name), sizes.GetValueOrDefault(s.Id).ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
                    Markup.Escape(s.Expression), s.UpdatedAt.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture));
            }

            AnsiConsole.Write(table);
            return 0;
        });
        return command;
    }

    private static Command Show()
    {
        var (name, data) = (Name(), CliOptions.Data());
        var count = new Option<int>("--members") { Description = "How many members to list (lowest profile ids first).", DefaultValueFactory = _ => 10 };
        var command = new Command("show", "A segment: its expression, size, some members and the latest entries and exits.") { name, count, data };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var cli = CliPipeline.Open(parse.GetValue(data));
            await cli.CatchUpAsync(cancellationToken);
            if (await FindAsync(cli, parse.GetValue(name)!, cancellationToken) is not { } segment)
            {
                return 2;
            }

            var size = (await cli.Segments.SizesAsync(cancellationToken)).GetValueOrDefault(segment.Id);
            Console.WriteLine($"{segment.Name} (id {segment.Id}): {size:N0} members");
            Console.WriteLine($"  {segment.Expression}");
            if (segment.Description is { } description)
            {
                Console.WriteLine($"  {description}");
            }

            foreach (var member in await cli.Segments.MembersAsync(segment.Id, 0, Math.Max(0, parse.GetValue(count)), cancellationToken))
            {
                Console.WriteLine($"  profile {member.Profile} since {member.Since:yyyy-MM-dd HH:mm:ss}");
            }

            foreach (var entry in await cli.Segments.HistoryAsync(segment.Id, null, long.MaxValue, 10, cancellationToken))
            {
                Console.WriteLine($"  {entry.At:yyyy-MM-dd HH:mm:ss} profile {entry.Profile} {(entry.Entered ? "entered" : "left")}");
            }

            return 0;
        });
        return command;
    }

    private static Command CreateSegment()
    {
        var (name, expression, data) = (Name(), Expression(), CliOptions.Data());
        var description = new Option<string?>("--description") { Description = "What the segment is for, for people." };
        var command = new Command("create", "Save a segment and evaluate it over every profile.") { name, expression, description, data };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var cli = CliPipeline.Open(parse.GetValue(data));
            var segmentName = parse.GetValue(name)!.Trim();
            await cli.CatchUpAsync(cancellationToken);
            if (!await CheckAsync(cli, segmentName, parse.GetValue(expression)!, null, cancellationToken))
            {
                return 2;
            }

            if (await cli.Segments.CreateAsync(segmentName, parse.GetValue(expression)!, parse.GetValue(description), cancellationToken) is not { } saved)
            {
                await Console.Error.WriteLineAsync($"error: name: a segment named \"{segmentName}\" exists already; `sightline segments update` changes it.");
                return 2;
            }

            return await ReportSizeAsync(cli, saved, "Saved", cancellationToken);
        });
        return command;
    }

    private static Command Update()
    {
        var (name, data) = (Name(), CliOptions.Data());
        var expression = new Option<string?>("--expression") { Description = "The new expression." };
        var rename = new Option<string?>("--rename") { Description = "A new name (refused while other segments refer to this one)." };
        var description = new Option<string?>("--description") { Description = "A new description." };
        var command = new Command("update", "Change a segment's expression, name or description and evaluate it again.") { name, expression, rename, description, data };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var cli = CliPipeline.Open(parse.GetValue(data));
            if (await FindAsync(cli, parse.GetValue(name)!, cancellationToken) is not { } segment)
            {
                return 2;
            }

            await cli.CatchUpAsync(cancellationToken);
            var newName = parse.GetValue(rename)?.Trim() ?? segment.Name;
            var newExpression = parse.GetValue(expression) ?? segment.Expression;
            if (!await CheckAsync(cli, newName, newExpression, segment.Name, cancellationToken))
            {
                return 2;
            }

            if (newName != segment.Name && SegmentRules.Referrers(await cli.Segments.ListAsync(cancellationToken), segment.Name) is { Count: > 0 } referrers)
            {
                await Console.Error.WriteLineAsync($"error: --rename: {string.Join(", ", referrers)} refer to \"{segment.Name}\"; change them first.");
                return 2;
            }

            if (await cli.Segments.UpdateAsync(segment.Id, newName, newExpression, parse.GetValue(description) ?? segment.Description, cancellationToken) is not { } saved)
            {
                await Console.Error.WriteLineAsync($"error: --rename: a segment named \"{newName}\" exists already.");
                return 2;
            }

            return await ReportSizeAsync(cli, saved, "Updated", cancellationToken);
        });
        return command;
    }

    private static Command Delete()
    {
        var (name, data) = (Name(), CliOptions.Data());
        var command = new Command("delete", "Delete a segment and its memberships (refused while other segments refer to it).") { name, data };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var cli = CliPipeline.Open(parse.GetValue(data));
            if (await FindAsync(cli, parse.GetValue(name)!, cancellationToken) is not { } segment)
            {
                return 2;
            }

            if (SegmentRules.Referrers(await cli.Segments.ListAsync(cancellationToken), segment.Name) is { Count: > 0 } referrers)
            {
                await Console.Error.WriteLineAsync($"error: {string.Join(", ", referrers)} refer to \"{segment.Name}\"; change or delete them first.");
                return 2;
            }

            await cli.Segments.DeleteAsync(segment.Id, cancellationToken);
            await cli.CatchUpAsync(cancellationToken);
            Console.WriteLine($"Deleted segment \"{segment.Name}\".");
            return 0;
        });
        return command;
    }

    private static Command Preview()
    {
        var (expression, data) = (Expression(), CliOptions.Data());
        var command = new Command("preview", "How many profiles an expression holds now, with a sample, without saving it.") { expression, data };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var cli = CliPipeline.Open(parse.GetValue(data));
            var compiled = SegmentParser.Parse(parse.GetValue(expression)) is { Succeeded: true, Expression: { } parsed } ? SegmentCompiler.Compile(parsed) : null;
            // The load keeps the properties of the events the expression filters, as of a saved segment.
            cli.Engine.KeepProperties(compiled is null ? [] : SegmentEngine.FilteredEvents(compiled));
            await cli.CatchUpAsync(cancellationToken);
            if (!await CheckAsync(cli, null, parse.GetValue(expression)!, null, cancellationToken))
            {
                return 2;
            }

            var clock = Stopwatch.StartNew();
            var preview = cli.Engine.Preview(compiled!, DateTimeOffset.UtcNow, 10);
            Console.WriteLine($"{preview.Size:N0} of {preview.Profiles:N0} profiles ({clock.Elapsed.TotalMilliseconds:0} ms); sample: {string.Join(", ", preview.Sample)}");
            return 0;
        });
        return command;
    }

    /// <summary>Checks against the traits profiles hold (catch up first); prints every diagnostic as <c>expression:LINE:COLUMN: severity: message</c>; false when there are errors.</summary>
    private static async Task<bool> CheckAsync(CliPipeline cli, string? name, string expression, string? replacing, CancellationToken cancellationToken)
    {
        if (name is not null && SegmentRules.NameProblem(name) is { } problem)
        {
            await Console.Error.WriteLineAsync($"error: name {problem}");
            return false;
        }

        using var catalogs = new SegmentCatalogs(cli.Profiles, cli.Engine, Options.Create(cli.Settings), TimeProvider.System);
        var result = SegmentValidator.Check(expression, await catalogs.CurrentAsync(cli.Segments, cancellationToken, replacing), name);
        foreach (var d in result.Diagnostics)
        {
            await Console.Error.WriteLineAsync($"expression:{d.Line}:{d.Column}: {d.Severity.ToString().ToLowerInvariant()}: {d.Message}");
        }

        return result.Succeeded;
    }

    private static async Task<SegmentDefinition?> FindAsync(CliPipeline cli, string name, CancellationToken cancellationToken)
    {
        var segment = await cli.Segments.FindAsync(name, cancellationToken);
        if (segment is null)
        {
            await Console.Error.WriteLineAsync($"error: no segment is named \"{name}\" or has that id; `sightline segments list` lists them.");
        }

        return segment;
    }

    private static async Task<int> ReportSizeAsync(CliPipeline cli, SegmentDefinition saved, string verb, CancellationToken cancellationToken)
    {
        await cli.CatchUpAsync(cancellationToken);
        var size = (await cli.Segments.SizesAsync(cancellationToken)).GetValueOrDefault(saved.Id);
        Console.WriteLine($"{verb} segment \"{saved.Name}\" (id {saved.Id}): {size:N0} members.");
        return 0;
    }
}
