using System.Text;
using System.Text.Json;
using Sightline.Core.Audiences;
using Sightline.Core.ComputedTraits;
using Sightline.Core.Events;
using Sightline.Core.Identity;
using Sightline.Core.Profiles;
using Sightline.Core.Segments;
using Sightline.Core.Sources;
using Sightline.Core.Storage;

namespace Sightline.Core.Tests.Audiences;

public sealed class SegmentEngineTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly Source Crm = Source("crm", SourceKind.CustomerDirect, 80);
    private static readonly Source Broker = Source("broker", SourceKind.ThirdParty, 100);
    private readonly SegmentEngine _engine = new(new ComputedTraitSet(TraitDefinitionLoader.Defaults().Definitions));
    private long _sequence;

    [Fact]
    public void Windows_slide_on_schedule_and_members_leave_when_their_events_age_out()
    {
        Define(("buyers", "orders_90d >= 1"), ("recent", """performed "Order Completed" in last 7 days"""), ("spain", """country = "ES" """));
        Observe(1, """{"type":"identify","traits":{"country":"ES"}}""", Start);
        Observe(1, """{"type":"track","event":"Order Completed","properties":{"total":20}}""", Start);

        Collect(Start.AddHours(1)).ShouldBe([("buyers", 1, true), ("recent", 1, true), ("spain", 1, true)], ignoreOrder: true);
        EvaluateTimeDependent(Start.AddDays(8)).ShouldBe([("recent", 1, false)]);
        EvaluateTimeDependent(Start.AddDays(60)).ShouldBeEmpty();
        EvaluateTimeDependent(Start.AddDays(91)).ShouldBe([("buyers", 1, false)]);
    }

    [Fact]
    public void A_merge_combines_computed_traits_and_the_merged_away_profile_leaves_its_segments()
    {
        Define(("two orders", "orders_90d >= 2"), ("one order", "orders_90d = 1"));
        Observe(1, """{"type":"track","event":"Order Completed","properties":{"total":20}}""", Start);
        Observe(2, """{"type":"track","event":"Order Completed","properties":{"total":30}}""", Start.AddDays(1));
        Collect(Start.AddDays(2)).ShouldBe([("one order", 1, true), ("one order", 2, true)], ignoreOrder: true);

        _engine.Merge(new ProfileId(2), new ProfileId(1), Start.AddDays(2));
        var changes = new ProfileChanges();
        _engine.Collect(changes, Start.AddDays(2), evaluate: true);

        changes.ComputedRetired.ShouldBe([new ProfileId(2)]);
        changes.ComputedStates.Select(s => (s.Profile.Value, s.Trait)).ShouldContain((1L, "orders_90d"));
        Named(changes).ShouldBe([("one order", 2, false), ("two orders", 1, true), ("one order", 1, false)], ignoreOrder: true);
        _engine.ComputedValues(new ProfileId(1), Start.AddDays(2))!["lifetime_value"].AsNumber.ShouldBe(50);
        _engine.ComputedValues(new ProfileId(2), Start.AddDays(2)).ShouldBeNull();
    }

    [Fact]
    public void Traits_follow_survivorship_customer_direct_over_third_party_then_trust_then_time()
    {
        Define(("madrid", """address.city = "Madrid" """));
        Observe(1, """{"type":"identify","traits":{"address":{"city":"Madrid"}}}""", Start, Crm);
        Observe(1, """{"type":"identify","traits":{"address":{"city":"Paris"}}}""", Start.AddDays(1), Broker);
        Collect(Start.AddDays(2)).ShouldBe([("madrid", 1, true)]);

        Observe(1, """{"type":"identify","traits":{"address":{"city":"Sevilla"}}}""", Start.AddDays(3), Crm);
        Collect(Start.AddDays(3)).ShouldBe([("madrid", 1, false)]);
    }

    [Fact]
    public void Preview_counts_without_changing_memberships_and_segments_can_build_on_segments()
    {
        Define(("spain", """country = "ES" """), ("spanish buyers", """in segment "spain" and performed "Order Completed" where total > 25"""));
        for (var profile = 1; profile <= 5; profile++)
        {
            Observe(profile, $$$"""{"type":"identify","traits":{"country":"{{{(profile % 2 == 0 ? "FR" : "ES")}}}"}}""", Start);
            Observe(profile, $$$"""{"type":"track","event":"Order Completed","properties":{"total":{{{profile * 10}}}}}""", Start);
        }

        Collect(Start).ShouldBe([("spain", 1, true), ("spain", 3, true), ("spain", 5, true), ("spanish buyers", 3, true), ("spanish buyers", 5, true)], ignoreOrder: true);
        var preview = _engine.Preview(Compile("""performed "Order Completed" where total >= 20"""), Start, 2);

        (preview.Size, preview.Profiles).ShouldBe((4, 5));
        preview.Sample.ShouldBe([new ProfileId(2), new ProfileId(3)]);
        Collect(Start).ShouldBeEmpty();
    }

    [Fact]
    public void Properties_are_held_only_for_filtered_events_and_asking_for_more_needs_a_reload()
    {
        var bigOrders = Compile("""performed "Order Completed" where total > 25""");
        Observe(1, """{"type":"track","event":"Order Completed","properties":{"total":30}}""", Start);
        _engine.Preview(Compile("""performed "Order Completed" at least 1 times"""), Start, 1).Size.ShouldBe(1);
        // No event of a name never sent lacks anything.
        _engine.KeepProperties(["Order Complete"]);
        _engine.NeedsReload.ShouldBeFalse();
        _engine.HoldsProperties(["Order Complete"]).ShouldBeTrue();

        _engine.KeepProperties(SegmentEngine.FilteredEvents(bigOrders));

        _engine.NeedsReload.ShouldBeTrue();
        _engine.HoldsProperties(["Order Completed"]).ShouldBeFalse();
        Should.Throw<InvalidOperationException>(() => _engine.Preview(bigOrders, Start, 1));

        // What the pipeline does: forget, and load every profile's events again from the store.
        _engine.Clear();
        _engine.LoadProfile(new ProfileId(1));
        using (var stored = JsonDocument.Parse("""{"type":"track","event":"Order Completed","properties":{"total":30}}"""))
        {
            _engine.LoadEvent(new ProfileId(1), Start, stored.RootElement);
        }

        _engine.LoadDone();
        _engine.NeedsReload.ShouldBeFalse();
        _engine.Preview(bigOrders, Start, 1).Size.ShouldBe(1);
        // Kept from now on, for new events too, and as a defined segment asks.
        Observe(2, """{"type":"track","event":"Order Completed","properties":{"total":40}}""", Start);
        Define(("big orders", """performed "Order Completed" where total > 25"""));
        _engine.NeedsReload.ShouldBeFalse();
        Collect(Start).Concat(Sweep(Start)).ShouldBe([("big orders", 1, true), ("big orders", 2, true)], ignoreOrder: true);
    }

    [Fact]
    public void Preview_reads_windowed_and_days_since_computed_traits_at_the_moment_asked_as_evaluation_does()
    {
        Observe(1, """{"type":"track","event":"Order Completed","properties":{"total":20}}""", Start);
        Observe(2, """{"type":"track","event":"Order Completed","properties":{"total":20}}""", Start.AddDays(-200));
        Define(("buyers", "orders_90d >= 1"), ("lapsed", "days_since_last_purchase > 180"));
        var evaluated = Collect(Start.AddDays(1));

        _engine.Preview(Compile("orders_90d >= 1"), Start.AddDays(1), 10).Sample.ShouldBe([new ProfileId(1)]);
        _engine.Preview(Compile("days_since_last_purchase > 180"), Start.AddDays(1), 10).Sample.ShouldBe([new ProfileId(2)]);
        evaluated.ShouldBe([("buyers", 1, true), ("lapsed", 2, true)], ignoreOrder: true);
    }

    [Fact]
    public void Deleted_segments_and_profiles_no_longer_live_end_their_memberships_at_the_next_full_evaluation()
    {
        Define(("everyone", "country exists"), ("spain", """country = "ES" """));
        Observe(1, """{"type":"identify","traits":{"country":"ES"}}""", Start);
        Collect(Start).Count.ShouldBe(2);
        _engine.LoadMember(1, new ProfileId(99));

        Define(("everyone", "country exists"));
        var changes = new ProfileChanges();
        _engine.EvaluateAll(changes, Start, timeDependentOnly: false);

        Named(changes, "spain").ShouldBe([("spain", 1, false), ("everyone", 99, false)], ignoreOrder: true);
    }

    [Fact]
    public void A_profile_created_after_a_merge_starts_in_no_segment()
    {
        Define(("spain", """country = "ES" """), ("everyone", "country exists"));
        Observe(1, """{"type":"identify","traits":{"country":"FR"}}""", Start);
        Observe(2, """{"type":"identify","traits":{"country":"ES"}}""", Start);
        Collect(Start).ShouldBe([("everyone", 1, true), ("spain", 2, true), ("everyone", 2, true)], ignoreOrder: true);
        _engine.Merge(new ProfileId(2), new ProfileId(1), Start);
        Collect(Start).ShouldBe([("spain", 2, false), ("everyone", 2, false), ("spain", 1, true)], ignoreOrder: true);

        Observe(3, """{"type":"identify","traits":{"name":"Ana"}}""", Start);
        Collect(Start).ShouldBeEmpty();
        _engine.Preview(Compile("""in segment "spain" """), Start, 10).Sample.ShouldBe([new ProfileId(1)]);
    }

    [Fact]
    public void Forgotten_profiles_keep_their_memberships_until_evaluated_again()
    {
        Define(("spain", """country = "ES" """));
        Observe(1, """{"type":"identify","traits":{"country":"ES"}}""", Start);
        Collect(Start).ShouldBe([("spain", 1, true)]);

        _engine.Forget([new ProfileId(1)]);
        _engine.LoadTrait(new ProfileId(1), "country", JsonDocument.Parse("\"ES\"").RootElement, new TraitRank(true, 80, 0, 1));
        Collect(Start).ShouldBeEmpty();
        _engine.Forget([new ProfileId(1)]);
        Collect(Start).ShouldBe([("spain", 1, false)]);
    }

    [Fact]
    public void A_sweep_decides_a_new_segment_a_slice_at_a_time_and_it_is_evaluating_until_the_last()
    {
        const int Profiles = 30_000;
        for (var profile = 1; profile <= Profiles; profile++)
        {
            Observe(profile, """{"type":"identify","traits":{"country":"ES"}}""", Start);
        }

        Define(("spain", """country = "ES" """));
        var first = new ProfileChanges();
        _engine.Sweep(first, Start);

        // A slice stops once it holds about as many changes as a batch's transaction stores.
        first.Memberships.Count.ShouldBeInRange(1, Profiles - 1);
        _engine.IsEvaluating(_ids["spain"]).ShouldBeTrue();
        var rest = new ProfileChanges();
        var decided = _engine.Sweep(rest, Start);
        while (_engine.Sweeping)
        {
            decided = _engine.Sweep(rest, Start);
        }

        // Still evaluating until the pipeline has stored the last slice.
        decided.ShouldBe([_ids["spain"]]);
        _engine.IsEvaluating(_ids["spain"]).ShouldBeTrue();
        _engine.Decided(decided);
        _engine.IsEvaluating(_ids["spain"]).ShouldBeFalse();
        var all = Named(first).Concat(Named(rest)).ToList();
        all.Select(m => m.Item2).Distinct().Count().ShouldBe(Profiles);
        all.ShouldAllBe(m => m.Item1 == "spain" && m.Item3);
    }

    [Fact]
    public void Defining_segments_sweeps_those_new_or_changed_and_their_referrers_and_a_refresh_those_that_change_with_time()
    {
        Define(("recent", """performed "Order Completed" in last 7 days"""));
        Observe(1, """{"type":"identify","traits":{"country":"ES"}}""", Start);
        Observe(1, """{"type":"track","event":"Order Completed","properties":{"total":20}}""", Start);
        Sweep(Start).ShouldBe([("recent", 1, true)]);

        // A week later "recent" no longer holds, but only the segments added (and one referring to "recent") are decided.
        Define(("recent", """performed "Order Completed" in last 7 days"""), ("spain", """country = "ES" """), ("recent spaniards", """in segment "recent" and in segment "spain" """));
        _engine.IsEvaluating(_ids["recent"]).ShouldBeFalse();
        _engine.BeginRefresh().ShouldBeFalse();
        Sweep(Start.AddDays(8)).ShouldBe([("spain", 1, true), ("recent spaniards", 1, true)], ignoreOrder: true);

        _engine.BeginRefresh().ShouldBeTrue();
        Sweep(Start.AddDays(8)).ShouldBe([("recent", 1, false), ("recent spaniards", 1, false)], ignoreOrder: true);
        _engine.BeginRefresh().ShouldBeTrue();
        Sweep(Start.AddDays(9)).ShouldBeEmpty();
    }

    [Fact]
    public void An_event_decides_again_the_segments_reading_what_it_changed_and_time_alone_waits_for_the_refresh()
    {
        Define(
            ("recent", """performed "Order Completed" in last 7 days"""),
            ("madrid", """address.city = "Madrid" """),
            ("madrid mailable", """in segment "madrid" and consent("email_marketing")"""),
            ("never added", """not performed "Product Added" """),
            ("buyers", "orders_90d >= 1"));

        // A new profile is decided for every segment, whatever its first event reads.
        Observe(1, """{"type":"page","name":"Home"}""", Start);
        Collect(Start).ShouldBe([("never added", 1, true)]);

        Observe(1, """{"type":"track","event":"Order Completed","properties":{"total":20}}""", Start);
        Collect(Start).ShouldBe([("recent", 1, true), ("buyers", 1, true)], ignoreOrder: true);

        // A nested trait, then a consent: each decides the segments reading it, and those referring to them.
        Observe(1, """{"type":"identify","traits":{"address":{"city":"Madrid"}}}""", Start.AddDays(8));
        Collect(Start.AddDays(8)).ShouldBe([("madrid", 1, true)]);
        Observe(1, """{"type":"identify","context":{"consent":{"categoryPreferences":{"email_marketing":true}}}}""", Start.AddDays(8));
        Collect(Start.AddDays(8)).ShouldBe([("madrid mailable", 1, true)]);
        Observe(1, """{"type":"identify","traits":{"address":{"city":"Paris"}}}""", Start.AddDays(8));
        Collect(Start.AddDays(8)).ShouldBe([("madrid", 1, false), ("madrid mailable", 1, false)]);

        // The order left the 7-day window on day 7: none of these events read it, so the refresh ends it.
        Observe(1, """{"type":"track","event":"Product Added"}""", Start.AddDays(8));
        Collect(Start.AddDays(8)).ShouldBe([("never added", 1, false)]);
        EvaluateTimeDependent(Start.AddDays(8)).ShouldBe([("recent", 1, false)]);
    }

    [Fact]
    public void Late_and_merged_events_count_by_their_timestamp_in_windows()
    {
        Define(("twice this week", """performed "Order Completed" at least 2 times in last 7 days"""));
        Observe(1, """{"type":"track","event":"Order Completed"}""", Start);
        Observe(1, """{"type":"track","event":"Order Completed"}""", Start.AddDays(-10));
        Collect(Start.AddHours(1)).ShouldBeEmpty();

        Observe(1, """{"type":"track","event":"Order Completed"}""", Start.AddDays(-2));
        Collect(Start.AddHours(1)).ShouldBe([("twice this week", 1, true)]);

        // A merged profile's events take their places by time among the survivor's.
        Observe(2, """{"type":"track","event":"Order Completed"}""", Start.AddDays(-1));
        Observe(3, """{"type":"track","event":"Order Completed"}""", Start.AddDays(-30));
        Observe(3, """{"type":"track","event":"Order Completed"}""", Start.AddDays(-3));
        Collect(Start.AddHours(1)).ShouldBeEmpty();
        _engine.Merge(new ProfileId(3), new ProfileId(2), Start.AddHours(1));
        Collect(Start.AddHours(1)).ShouldBe([("twice this week", 2, true)]);
    }

    private Dictionary<string, long> _ids = [];

    private void Define(params (string Name, string Expression)[] segments)
    {
        _ids = segments.Select((s, i) => (s.Name, Id: (long)i + 1)).ToDictionary(s => s.Name, s => s.Id);
        _engine.Define([.. segments.Select(s => new SegmentDefinition(_ids[s.Name], s.Name, s.Expression, null, Start, Start))]).ShouldBeEmpty();
    }

    private void Observe(long profile, string json, DateTimeOffset at, Source? source = null)
    {
        using var document = JsonDocument.Parse(json);
        var logged = new LoggedEvent
        {
            Sequence = ++_sequence,
            Source = (source ?? Crm).Name,
            MessageId = "m" + _sequence,
            Type = MessageTypes.TryParse(document.RootElement.GetProperty("type").GetString()!, out var type) ? type : throw new ArgumentException(json),
            ReceivedAt = at,
            Timestamp = at,
            Json = Encoding.UTF8.GetBytes(json),
        };
        _engine.Observe(new ProfileId(profile), logged, document.RootElement, source ?? Crm);
    }

    private List<(string, long, bool)> Collect(DateTimeOffset now)
    {
        var changes = new ProfileChanges();
        _engine.Collect(changes, now, evaluate: true);
        return Named(changes);
    }

    private List<(string, long, bool)> Sweep(DateTimeOffset now)
    {
        var changes = new ProfileChanges();
        while (_engine.Sweeping)
        {
            _engine.Decided(_engine.Sweep(changes, now));
        }

        return Named(changes);
    }

    private List<(string, long, bool)> EvaluateTimeDependent(DateTimeOffset now)
    {
        var changes = new ProfileChanges();
        _engine.EvaluateAll(changes, now, timeDependentOnly: true);
        return Named(changes);
    }

    private List<(string, long, bool)> Named(ProfileChanges changes, string? deleted = null) =>
        [.. changes.Memberships.Select(m => (_ids.FirstOrDefault(i => i.Value == m.Segment).Key ?? deleted ?? "?", m.Profile.Value, m.Entered))];

    private static CompiledSegment Compile(string text) => SegmentCompiler.Compile(SegmentParser.Parse(text).Expression!);

    private static Source Source(string name, SourceKind kind, int trust) =>
        new() { Id = trust, Name = name, Kind = kind, Trust = trust, WriteKey = name, CreatedAt = Start };
}
