using System.Text;
using Sightline.Core.Events;
using Sightline.Core.Sources;
using Sightline.Core.Storage;

namespace Sightline.Storage.Tests;

/// <summary>What every storage adapter must do; one subclass per adapter runs it against the real store.</summary>
public abstract class StoreContract : IDisposable
{
    private static readonly DateTimeOffset Now = new(2024, 6, 1, 9, 30, 0, 123, TimeSpan.Zero);

    protected abstract IEventLog Log { get; }

    protected abstract IQuarantine Quarantine { get; }

    protected abstract ISourceCatalog Sources { get; }

    /// <summary>Closes the store and opens it again, as a restart would.</summary>
    protected abstract void Reopen();

    public abstract void Dispose();

    private static EventMessage Message(string id, MessageType type = MessageType.Track) => new()
    {
        Type = type,
        MessageId = id,
        UserId = "u1",
        Timestamp = Now.AddMinutes(-1),
        ReceivedAt = Now,
        Json = Encoding.UTF8.GetBytes($$"""{"type":"track","messageId":"{{id}}","userId":"u1","event":"Ñandú"}"""),
    };

    private async Task<Source> AddSourceAsync(string name) =>
        (await Sources.AddAsync(NewSource.Create(name, null, null, null).Source!, CancellationToken.None)).Source!;

    [Fact]
    public async Task Appended_events_read_back_in_order_with_every_field()
    {
        var web = await AddSourceAsync("web");

        var added = await Log.AppendAsync([new LogEntry(web.Id, Message("a")), new LogEntry(web.Id, Message("b", MessageType.Identify))], [], CancellationToken.None);

        added.ShouldBe(2);
        var events = await Log.ReadAsync(0, 10, CancellationToken.None);
        events.Select(e => e.MessageId).ShouldBe(["a", "b"]);
        events[0].Sequence.ShouldBeLessThan(events[1].Sequence);
        events[0].Source.ShouldBe("web");
        events[1].Type.ShouldBe(MessageType.Identify);
        events[0].ReceivedAt.ShouldBe(Now);
        events[0].Timestamp.ShouldBe(Now.AddMinutes(-1));
        Encoding.UTF8.GetString(events[0].Json.Span).ShouldContain("Ñandú");
        (await Log.ReadAsync(events[0].Sequence, 10, CancellationToken.None)).ShouldHaveSingleItem().MessageId.ShouldBe("b");
    }

    [Fact]
    public async Task Payloads_read_into_a_reused_buffer_are_those_read_without_one_also_when_it_grows()
    {
        var web = await AddSourceAsync("web");
        // 40 payloads of 30 KB: more than the buffer's first megabyte.
        var padded = Enumerable.Range(0, 40).Select(i => new LogEntry(web.Id, Message($"m{i}") with
        {
            Json = Encoding.UTF8.GetBytes($$$"""{"type":"track","messageId":"m{{{i}}}","userId":"u1","event":"Ñandú","properties":{"pad":"{{{new string((char)('a' + (i % 26)), 30_000)}}}"}}"""),
        }));
        await Log.AppendAsync([.. padded], [], CancellationToken.None);
        var plain = (await Log.ReadAsync(0, 100, CancellationToken.None)).Select(e => Encoding.UTF8.GetString(e.Json.Span)).ToList();
        var buffer = new PayloadBuffer();

        var buffered = await Log.ReadAsync(0, 100, buffer, CancellationToken.None);
        buffered.Select(e => Encoding.UTF8.GetString(e.Json.Span)).ShouldBe(plain);

        var again = await Log.ReadAsync(buffered[19].Sequence, 100, buffer, CancellationToken.None);
        again.Select(e => Encoding.UTF8.GetString(e.Json.Span)).ShouldBe(plain[20..]);
    }

    [Fact]
    public async Task Appending_a_known_message_id_again_stores_nothing_new()
    {
        var web = await AddSourceAsync("web");
        var app = await AddSourceAsync("app");
        await Log.AppendAsync([new LogEntry(web.Id, Message("a"))], [], CancellationToken.None);

        var again = await Log.AppendAsync([new LogEntry(web.Id, Message("a")), new LogEntry(web.Id, Message("a")), new LogEntry(app.Id, Message("a"))], [], CancellationToken.None);

        again.ShouldBe(1);
        (await Log.ReadAsync(0, 10, CancellationToken.None)).Select(e => e.Source).ShouldBe(["web", "app"]);
    }

    [Fact]
    public async Task Committed_events_and_quarantine_survive_a_reopen()
    {
        var web = await AddSourceAsync("web");
        var rejection = new Rejection(3, "bad", "event", "is required") { RawPayload = Encoding.UTF8.GetBytes("""{"type":"track"}""") };
        await Log.AppendAsync([new LogEntry(web.Id, Message("a"))], [new QuarantineEntry(web.Id, Now, rejection), new QuarantineEntry(null, Now, rejection with { Index = null })], CancellationToken.None);

        Reopen();

        (await Log.ReadAsync(0, 10, CancellationToken.None)).ShouldHaveSingleItem();
        var all = await Quarantine.ListAsync(null, 10, CancellationToken.None);
        all.Count.ShouldBe(2);
        all[0].Source.ShouldBeNull();
        var mine = (await Quarantine.ListAsync("web", 10, CancellationToken.None)).ShouldHaveSingleItem();
        (mine.Index, mine.MessageId, mine.Field, mine.Reason).ShouldBe((3, "bad", "event", "is required"));
        Encoding.UTF8.GetString(mine.Payload).ShouldBe("""{"type":"track"}""");
    }

    [Fact]
    public async Task Source_names_and_write_keys_are_unique()
    {
        await Sources.AddAsync(NewSource.Create("web", null, null, "key-one-1234").Source!, CancellationToken.None);

        (await Sources.AddAsync(NewSource.Create("web", null, null, "key-two-1234").Source!, CancellationToken.None)).ConflictField.ShouldBe("name");
        (await Sources.AddAsync(NewSource.Create("crm", null, null, "key-one-1234").Source!, CancellationToken.None)).ConflictField.ShouldBe("writeKey");
        var found = await Sources.FindByWriteKeyAsync("key-one-1234", CancellationToken.None);
        found.ShouldNotBeNull().Name.ShouldBe("web");
        (await Sources.FindByWriteKeyAsync("key-two-1234", CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task Source_kind_and_trust_are_kept()
    {
        await Sources.AddAsync(NewSource.Create("enrich", "third-party", null, null).Source!, CancellationToken.None);
        await Sources.AddAsync(NewSource.Create("crm", "customer-direct", 95, null).Source!, CancellationToken.None);

        var sources = await Sources.ListAsync(CancellationToken.None);

        sources.Select(s => (s.Name, s.Kind, s.Trust)).ShouldBe([("crm", SourceKind.CustomerDirect, 95), ("enrich", SourceKind.ThirdParty, NewSource.ThirdPartyTrust)]);
        sources.ShouldAllBe(s => s.WriteKey.Length == 32);
    }
}
