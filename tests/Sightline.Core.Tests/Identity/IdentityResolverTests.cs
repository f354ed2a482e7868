using Sightline.Core.Identity;

namespace Sightline.Core.Tests.Identity;

public sealed class IdentityResolverTests
{
    private readonly InMemoryIdentityGraph _graph = new();
    private readonly IdentityResolver _resolver = new(MergeRules.Default);
    private long _sequence;

    private static Identifier Id(string text) => Identifier.TryParse(text, out var id) ? id : throw new ArgumentException(text);

    private Resolution Send(params string[] identifiers) => _resolver.Resolve(_graph, ++_sequence, [.. identifiers.Select(Id)]);

    private Resolution Alias(string userId, string previousId) => _resolver.Resolve(_graph, ++_sequence, [Id($"user_id:{userId}")], previousId);

    [Fact]
    public void Unknown_identifiers_make_a_new_profile_named_after_the_event()
    {
        var first = Send("anonymous_id:a1");

        first.Created.ShouldBeTrue();
        first.Profile.ShouldBe(new ProfileId(1));
        first.Linked.ShouldBe([Id("anonymous_id:a1")]);
        Send("anonymous_id:a1").Profile.ShouldBe(first.Profile);
    }

    [Fact]
    public void Anonymous_visitor_who_signs_in_is_one_profile_with_their_earlier_identifiers()
    {
        var browsing = Send("anonymous_id:visitor-1");
        Send("anonymous_id:visitor-1");

        var signIn = Send("user_id:u-42", "anonymous_id:visitor-1", "email:ana@shop.es");

        signIn.Profile.ShouldBe(browsing.Profile);
        signIn.Created.ShouldBeFalse();
        _graph.IdentifiersOf(browsing.Profile).ShouldBe([Id("anonymous_id:visitor-1"), Id("user_id:u-42"), Id("email:ana@shop.es")], ignoreOrder: true);
        Send("user_id:u-42", "anonymous_id:other-phone").Profile.ShouldBe(browsing.Profile);
    }

    [Fact]
    public void Shared_tablet_with_two_logins_stays_two_people()
    {
        var ana = Send("user_id:ana", "anonymous_id:tablet");

        var luis = Send("user_id:luis", "anonymous_id:tablet");

        luis.Profile.ShouldNotBe(ana.Profile);
        var blocked = luis.Blocked.ShouldHaveSingleItem();
        (blocked.Profile, blocked.Other, blocked.Via).ShouldBe((luis.Profile, ana.Profile, Id("anonymous_id:tablet")));
        blocked.Reason.ShouldContain("user_id");
        _graph.IdentifiersOf(luis.Profile).ShouldBe([Id("user_id:luis")]);
        Send("user_id:ana").Profile.ShouldBe(ana.Profile);
        Send("user_id:luis").Profile.ShouldBe(luis.Profile);
    }

    [Fact]
    public void Profiles_with_different_user_ids_never_merge_whatever_they_share()
    {
        var ana = Send("user_id:ana", "email:family@home.es");
        var luis = Send("user_id:luis");

        var both = Send("user_id:luis", "email:family@home.es");

        both.Profile.ShouldBe(luis.Profile);
        both.Merges.ShouldBeEmpty();
        both.Blocked.ShouldHaveSingleItem().Via.ShouldBe(Id("email:family@home.es"));
        _graph.ProfilesOf(Id("email:family@home.es")).ShouldBe([ana.Profile]);
    }

    [Fact]
    public void Shared_email_merges_two_profiles_into_the_older_with_evidence()
    {
        var app = Send("anonymous_id:app-install");
        var crm = Send("crm_id:C-77", "email:ana@shop.es");

        var link = Send("anonymous_id:app-install", "email:ana@shop.es");

        link.Profile.ShouldBe(app.Profile);
        link.Merges.ShouldBe([new ProfileMerge(crm.Profile, app.Profile, Id("anonymous_id:app-install"))]);
        _graph.IdentifiersOf(app.Profile).ShouldBe([Id("anonymous_id:app-install"), Id("crm_id:C-77"), Id("email:ana@shop.es")], ignoreOrder: true);
        _graph.IdentifiersOf(crm.Profile).ShouldBeEmpty();
        _graph.ProfileCount.ShouldBe(1);
    }

    [Fact]
    public void Family_landline_links_each_member_but_merges_nobody()
    {
        // +34 91… is a Madrid fixed line.
        var mother = Send("email:carmen@correo.es", "phone:+34912345678");

        var son = Send("email:pablo@correo.es", "phone:+34912345678");

        son.Profile.ShouldNotBe(mother.Profile);
        son.Merges.ShouldBeEmpty();
        son.Blocked.ShouldHaveSingleItem().Reason.ShouldContain("fixed line");
        _graph.ProfilesOf(Id("phone:+34912345678")).ShouldBe([mother.Profile, son.Profile]);
    }

    [Fact]
    public void Same_mobile_with_a_second_email_is_the_same_person()
    {
        var work = Send("email:ana@empresa.es", "phone:+34612345678");

        var personal = Send("email:ana.gomez@gmail.com", "phone:+34612345678");

        personal.Profile.ShouldBe(work.Profile);
        _graph.IdentifiersOf(work.Profile).Count(i => i.Type == "email").ShouldBe(2);
    }

    [Fact]
    public void A_value_on_too_many_profiles_stops_being_a_merge_key()
    {
        // A shop's kiosk: three customers signed in on it, each kept apart by their user ids.
        var first = Send("user_id:c1", "device_id:kiosk");
        foreach (var customer in new[] { "c2", "c3" })
        {
            Send($"user_id:{customer}");
        }

        _graph.Link(Id("device_id:kiosk"), Send("user_id:c2").Profile);
        _graph.Link(Id("device_id:kiosk"), Send("user_id:c3").Profile);
        var walkIn = Send("email:walk-in@mail.es");

        var visit = Send("email:walk-in@mail.es", "device_id:kiosk");

        visit.Profile.ShouldBe(walkIn.Profile);
        visit.Merges.ShouldBeEmpty();
        visit.Blocked.Select(b => b.Reason).ShouldAllBe(r => r.Contains("cap 3"));
        first.Profile.ShouldNotBe(walkIn.Profile);
    }

    [Theory]
    [InlineData("email:test@test.com")]
    [InlineData("email:noreply@shop.es")]
    [InlineData("anonymous_id:undefined")]
    [InlineData("user_id:null")]
    [InlineData("anonymous_id:00000000-0000-0000-0000-000000000000")]
    [InlineData("phone:+34000000000")]
    [InlineData("phone:+5555555555")]
    [InlineData("email:Someone@Mailinator.com")]
    public void Placeholder_values_are_ignored(string placeholder)
    {
        var a = Send("user_id:a", placeholder);
        var b = Send("user_id:b", placeholder);

        a.Profile.ShouldNotBe(b.Profile);
        a.Linked.ShouldNotContain(Id(placeholder));
        b.Blocked.ShouldBeEmpty();
    }

    [Fact]
    public void A_configured_pattern_the_linear_engine_cannot_run_still_blocks()
    {
        // A backreference needs the backtracking engine, which runs with a timeout.
        var rules = new MergeRules(new Dictionary<string, IdentifierRule>(), new IdentifierRule { BlockedPatterns = [@"^(\w)\1+$", "^x-"] });

        rules.IsBlocked(new Identifier("crm_id", "aaaa")).ShouldBeTrue();
        rules.IsBlocked(new Identifier("crm_id", "X-17")).ShouldBeTrue();
        rules.IsBlocked(new Identifier("crm_id", "abab")).ShouldBeFalse();
    }

    [Fact]
    public void Alias_merges_the_previous_identity_into_the_user()
    {
        var anonymous = Send("anonymous_id:a-9");
        var known = Send("user_id:u-9");

        var alias = Alias("u-9", "a-9");

        alias.Profile.ShouldBe(anonymous.Profile);
        alias.Merges.ShouldHaveSingleItem().From.ShouldBe(known.Profile);
        Send("anonymous_id:a-9").Profile.ShouldBe(Send("user_id:u-9").Profile);
    }

    [Fact]
    public void Alias_between_two_users_is_blocked_like_any_merge()
    {
        var old = Send("user_id:old-login");
        var current = Send("user_id:new-login");

        var alias = Alias("new-login", "old-login");

        alias.Profile.ShouldBe(current.Profile);
        alias.Blocked.ShouldHaveSingleItem().Other.ShouldBe(old.Profile);
    }

    [Fact]
    public void Sixth_email_is_not_linked_and_does_not_merge()
    {
        var person = Send("user_id:u", "email:1@x.es", "email:2@x.es", "email:3@x.es", "email:4@x.es", "email:5@x.es");
        var other = Send("email:6@x.es");

        var sixth = Send("user_id:u", "email:6@x.es");

        sixth.Profile.ShouldBe(person.Profile);
        sixth.Merges.ShouldBeEmpty();
        sixth.Blocked.ShouldHaveSingleItem().Reason.ShouldContain("limit is 5");
        _graph.ProfilesOf(Id("email:6@x.es")).ShouldBe([other.Profile]);
    }
}
