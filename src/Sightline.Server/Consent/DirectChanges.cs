using System.Text.Json;
using Sightline.Core.Consent;
using Sightline.Core.Events;
using Sightline.Core.Identity;
using Sightline.Core.Profiles;
using Sightline.Core.Sources;
using Sightline.Core.Storage;

namespace Sightline.Server.Consent;

/// <summary>
/// Changes a person makes through Sightline itself (consent, a rectified trait) are written to the log as messages from
/// the built-in <c>sightline</c> source, so they have a time, a source and evidence like any other fact, and rebuilds keep them.
/// The pipeline, when one runs here, is woken after the append; in the CLI the change waits for the next start.
/// </summary>
public sealed class DirectChanges(IProfileStore store, ISourceCatalog sources, IEventLog log, MessageParser parser, ProfilePipeline? pipeline = null)
{
    /// <summary>The source of changes made through the API and the CLI.</summary>
    public const string SourceName = "sightline";

    /// <summary>Appends the change against the profile's most stable identifier; the error names the field when it cannot.</summary>
    public async Task<(DirectChange? Change, string? Field, string? Reason)> RecordAsync(
        ProfileId profile, IReadOnlyDictionary<string, bool> choices, string? evidence, IReadOnlyDictionary<string, JsonElement>? traits, CancellationToken cancellationToken)
    {
        // The message must reach this profile through the pipeline: it carries the profile's most stable identifier.
        var identities = await store.IdentitiesAsync(profile, cancellationToken);
        if (identities.Count == 0)
        {
            return (null, "key", "the profile has no identifier to record the change against");
        }

        var anchor = identities.Select(i => i.Identifier).MinBy(i => Rank(i.Type));

        // A change made by a person through Sightline is first-hand: the most trusted source there is.
        var source = await sources.FindOrAddAsync(NewSource.Create(SourceName, "customer-direct", 100, null).Source!, cancellationToken);
        var receivedAt = DateTimeOffset.UtcNow;
        var parsed = parser.ForImports().Parse(ConsentPurposes.Message(anchor, choices, evidence, traits), MessageType.Identify, receivedAt);
        if (parsed.Accepted is not [var message])
        {
            return (null, parsed.Rejected[0].Field, parsed.Rejected[0].Reason);
        }

        await log.AppendAsync([new LogEntry(source.Id, message)], [], cancellationToken);
        pipeline?.Notify();
        return (new DirectChange(profile.ToString(), message.MessageId, anchor.ToString()), null, null);
    }

    private static int Rank(string type) => type switch
    {
        IdentifierTypes.UserId => 0,
        IdentifierTypes.Email => 1,
        IdentifierTypes.Phone => 2,
        IdentifierTypes.AnonymousId => 9,
        _ => 5,
    };
}

/// <summary>What a change was recorded as: the message in the log, and the identifier it was recorded against.</summary>
public sealed record DirectChange(string Profile, string MessageId, string Identifier);
