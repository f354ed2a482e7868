using System.Globalization;
using System.Text;
using System.Text.Json;
using Sightline.Core.Identity;
using Sightline.Core.Storage;

namespace Sightline.Core.Audiences;

/// <summary>
/// A segment's members as a file to hand to a messaging tool: one row per member with the chosen traits (stored or
/// computed, dotted names reach into objects). For a <c>purpose</c>, members whose person did not grant it are left
/// out and counted.
/// </summary>
public sealed class AudienceExport(IProfileStore profiles, ISegmentStore segments, SegmentEngine engine, TimeProvider time)
{
    private const int Page = 1000;
    private static readonly string[] Leading = ["profile_id", "member_since"];

    /// <summary>The formats <see cref="WriteAsync"/> writes.</summary>
    public static readonly IReadOnlyList<string> Formats = ["csv", "jsonl"];

    /// <summary>Writes the audience; returns how many members were written and how many were left out for want of consent.</summary>
    public async Task<(long Written, long WithoutConsent)> WriteAsync(
        SegmentDefinition segment, string format, IReadOnlyList<string> traits, string? purpose, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(segment);
        ArgumentNullException.ThrowIfNull(traits);
        var csv = format == "csv";
        await using var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true);
        if (csv)
        {
            await writer.WriteLineAsync(string.Join(',', Leading.Concat(traits).Select(Quote)));
        }

        var now = time.GetUtcNow();
        long written = 0, withoutConsent = 0;
        for (var after = 0L; ;)
        {
            var page = await segments.MembersAsync(segment.Id, after, Page, cancellationToken);
            foreach (var member in page)
            {
                if (purpose is not null
                    && (await profiles.ConsentHistoryAsync(member.Profile, cancellationToken)).LastOrDefault(c => c.Purpose == purpose) is not { Granted: true })
                {
                    withoutConsent++;
                    continue;
                }

                var values = await ValuesAsync(member.Profile, traits, now, cancellationToken);
                await writer.WriteLineAsync(csv ? CsvRow(member, traits, values) : JsonRow(member, traits, values));
                written++;
            }

            if (page.Count < Page)
            {
                return (written, withoutConsent);
            }

            after = page[^1].Profile.Value;
        }
    }

    /// <summary>
    /// A profile's <paramref name="traits"/> as JSON text, as an audience row writes them: computed ones as of
    /// <paramref name="now"/>, stored ones as their surviving value (dotted names reach into objects); a trait the
    /// profile lacks is absent.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> ValuesAsync(ProfileId profile, IReadOnlyList<string> traits, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(traits);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (traits.Count == 0)
        {
            return values;
        }

        var current = (await profiles.CurrentTraitsAsync(profile, cancellationToken)).ToDictionary(t => t.Name, t => t.Json, StringComparer.Ordinal);
        var computed = engine.Computed;
        var states = traits.Any(t => computed.Find(t) is not null) ? await segments.ComputedStatesAsync(profile, cancellationToken) : null;
        foreach (var name in traits)
        {
            if (computed.Find(name) is { } trait)
            {
                var value = trait.Value(states!.TryGetValue(name, out var state) && trait.IsCurrent(state) ? state : trait.NewState(), now);
                values[name] = Encoding.UTF8.GetString(value.ToJson());
            }
            else if (Lookup(current, name) is { } json)
            {
                values[name] = json;
            }
        }

        return values;
    }

    private static string? Lookup(Dictionary<string, string> current, string name)
    {
        if (current.TryGetValue(name, out var json))
        {
            return json;
        }

        var dot = name.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0 || !current.TryGetValue(name[..dot], out var parent))
        {
            return null;
        }

        using var document = JsonDocument.Parse(parent);
        var element = document.RootElement;
        foreach (var step in name[(dot + 1)..].Split('.'))
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(step, out element))
            {
                return null;
            }
        }

        return element.GetRawText();
    }

    private static string CsvRow(SegmentMember member, IReadOnlyList<string> traits, IReadOnlyDictionary<string, string> values) =>
        string.Join(',', new[] { member.Profile.ToString(), Since(member) }
            .Concat(traits.Select(t => values.TryGetValue(t, out var json) ? Plain(json) : ""))
            .Select(Quote));

    private static string JsonRow(SegmentMember member, IReadOnlyList<string> traits, IReadOnlyDictionary<string, string> values)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("profile_id", member.Profile.ToString());
            json.WriteString("member_since", Since(member));
            foreach (var trait in traits)
            {
                json.WritePropertyName(trait);
                if (values.TryGetValue(trait, out var value))
                {
                    json.WriteRawValue(value);
                }
                else
                {
                    json.WriteNullValue();
                }
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string Since(SegmentMember member) => member.Since.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>A JSON value as a spreadsheet cell: strings unquoted, null empty, the rest as written.</summary>
    private static string Plain(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.ValueKind switch
        {
            JsonValueKind.String => document.RootElement.GetString()!,
            JsonValueKind.Null => "",
            _ => json,
        };
    }

    private static string Quote(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{cell.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : cell;
}
