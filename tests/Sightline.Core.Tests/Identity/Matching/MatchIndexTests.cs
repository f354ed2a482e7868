using Sightline.Core.Identity;
using Sightline.Core.Identity.Matching;

namespace Sightline.Core.Tests.Identity.Matching;

public sealed class MatchIndexTests
{
    private readonly MatchIndex _index = new(StarterModel.Value, new MatchSettings());

    private static readonly PersonRecord Paco = new()
    {
        Id = "1", GivenName = "Francisco", Surname = "García López", BirthDate = "1980-04-12", Street = "Calle Mayor 5", City = "Madrid", Postcode = "28013",
        Email = "paco.garcia@shop.es", Phone = "+34 612 345 678",
    };

    private MatchEvidence? Compare(PersonRecord a, PersonRecord b)
    {
        _index.Upsert(new ProfileId(1), a);
        _index.Upsert(new ProfileId(2), b);
        return _index.Compare(new ProfileId(2), new ProfileId(1));
    }

    [Fact]
    public void A_loyalty_form_with_a_nickname_and_no_shared_identifier_matches_the_customer()
    {
        var form = new PersonRecord { Id = "2", GivenName = "Paco", Surname = "Garcia", BirthDate = "12/04/1980", Street = "C/ Mayor, 5", City = "MADRID", Postcode = "28013" };

        var evidence = Compare(Paco, form)!;

        evidence.Probability.ShouldBeGreaterThanOrEqualTo(0.99, string.Join("; ", evidence.Fields));
        evidence.Fields.Single(f => f.Field == "given_name").Level.ShouldBe("nickname_or_shared_name");
        _index.Candidates(new ProfileId(2)).Select(c => c.Profile).ShouldBe([new ProfileId(1)]);
    }

    [Fact]
    public void A_family_sharing_a_landline_and_an_address_stays_apart()
    {
        var sister = Paco with { Id = "2", GivenName = "Lucía", BirthDate = "1984-09-30", Email = "lucia@correo.es" };

        var evidence = Compare(Paco with { Phone = "+34 915 555 123" }, sister with { Phone = "915 555 123" })!;

        evidence.Probability.ShouldBeLessThan(0.80, string.Join("; ", evidence.Fields));
        _index.Candidates(new ProfileId(2)).ShouldBeEmpty();
    }

    [Fact]
    public void A_father_and_son_of_the_same_name_at_one_address_are_never_merged_automatically()
    {
        var son = Paco with { Id = "2", BirthDate = "2006-01-17", Email = "pacojr@correo.es", Phone = null };

        // Same name, same address, different birth dates: a person may look (the review queue), the matcher does not merge.
        Compare(Paco, son)!.Probability.ShouldBeLessThan(new MatchSettings().AutoMergeThreshold);
    }

    [Fact]
    public void Two_namesakes_in_one_city_stay_apart()
    {
        var namesake = new PersonRecord { Id = "2", GivenName = "Francisco", Surname = "García", BirthDate = "1971-02-03", Street = "Calle de Alcalá 120", City = "Madrid", Postcode = "28009" };

        Compare(Paco, namesake)!.Probability.ShouldBeLessThan(0.80);
    }

    [Fact]
    public void A_removed_or_merged_profile_is_no_longer_a_candidate()
    {
        var form = new PersonRecord { Id = "2", GivenName = "Paco", Surname = "Garcia", BirthDate = "1980-04-12", City = "Madrid", Postcode = "28013" };
        Compare(Paco, form);

        _index.Merge(new ProfileId(2), new ProfileId(1));

        _index.Count.ShouldBe(1);
        _index.Get(new ProfileId(1))!.Email.ShouldBe(Paco.Email);
        _index.Candidates(new ProfileId(1)).ShouldBeEmpty();
    }
}
