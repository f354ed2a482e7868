using System.Text.Json;
using Sightline.Core.Identity;
using Sightline.Core.Sources;

namespace Sightline.Core.Privacy;

/// <summary>
/// Drops what carries an erased person's identifier before it is written: live events, imported rows, and the
/// malformed ones that would otherwise wait in the quarantine. Costs nothing while no one has been erased.
/// </summary>
public sealed class SuppressionFilter(SuppressionList suppression, IdentifierExtractor extractor)
{
    public static readonly SuppressionFilter None = new(new SuppressionList(new byte[32]), new IdentifierExtractor(new IdentifierNormalizer()));

    /// <summary>Whether anyone has been erased: until then there is nothing to check.</summary>
    public bool Active => suppression.Count > 0;

    /// <summary>True when the message (UTF-8 JSON) carries a suppressed identifier, read with the source's settings.</summary>
    public bool Drops(ReadOnlyMemory<byte> json, Source? source)
    {
        if (suppression.Count == 0)
        {
            return false;
        }

        using var document = JsonDocument.Parse(json);
        return suppression.AnySuppressed(extractor.Extract(document.RootElement, source));
    }

    /// <summary>
    /// True when any text in a payload that is not a valid message (a quarantined row or request) reads as a
    /// suppressed e-mail address or phone number: such input has no fields to trust, so every value is tried.
    /// </summary>
    public bool DropsRaw(byte[] payload, Source? source)
    {
        if (suppression.Count == 0)
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(payload);
            var candidates = new List<Identifier>();
            foreach (var text in JsonLeaves.Texts(document.RootElement))
            {
                foreach (var type in (ReadOnlySpan<string>)[IdentifierTypes.Email, IdentifierTypes.Phone])
                {
                    if (IdentifierNormalizer.Normalize(type, text, source?.PhoneRegion ?? extractor.DefaultRegion) is { } identifier)
                    {
                        candidates.Add(identifier);
                    }
                }
            }

            return suppression.AnySuppressed(candidates);
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
