using System.Text;
using System.Text.Json;
using PhoneNumbers;
using Sightline.Core.Identity;
using Sightline.Core.Standardization;

namespace Sightline.Core.Privacy;

/// <summary>
/// Whether a quarantined payload mentions a person. Quarantined input is malformed by definition, so it is searched
/// rather than parsed as a message: every text value is compared as written and as a phone number read in the
/// person's own number's region (a CRM row says "612 34 56 78" for +34612345678).
/// </summary>
public sealed class QuarantineMentions
{
    private static readonly PhoneNumberUtil PhoneUtil = PhoneNumberUtil.GetInstance();

    private readonly List<string> _texts = [];
    private readonly HashSet<string> _phones = new(StringComparer.Ordinal);
    private readonly HashSet<string> _regions = new(StringComparer.Ordinal);

    public QuarantineMentions(IEnumerable<Identifier> identifiers)
    {
        foreach (var identifier in identifiers)
        {
            if (identifier.Type == IdentifierTypes.Phone)
            {
                _phones.Add(identifier.Value);
                if (Region(identifier.Value) is { } region)
                {
                    _regions.Add(region);
                }
            }

            // Short ids ("7") would match half the quarantine; they are still found as whole values below.
            _texts.Add(identifier.Value.ToLowerInvariant());
        }
    }

    public bool Matches(byte[] payload)
    {
        var text = Encoding.UTF8.GetString(payload).ToLowerInvariant();
        if (_texts.Any(t => t.Length >= 5 && text.Contains(t, StringComparison.Ordinal)))
        {
            return true;
        }

        try
        {
            using var document = JsonDocument.Parse(payload);
            return JsonLeaves.Texts(document.RootElement).Any(Mentions);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private bool Mentions(string value)
    {
        var trimmed = value.Trim();
        if (_texts.Contains(trimmed.ToLowerInvariant()))
        {
            return true;
        }

        if (_phones.Count == 0 || !trimmed.Any(char.IsAsciiDigit))
        {
            return false;
        }

        return _regions.Append(null).Any(region => Phones.TryStandardize(trimmed, region, out var e164, out _) && _phones.Contains(e164));
    }

    private static string? Region(string e164)
    {
        try
        {
            return PhoneUtil.GetRegionCodeForNumber(PhoneUtil.Parse(e164, null));
        }
        catch (NumberParseException)
        {
            return null;
        }
    }
}
