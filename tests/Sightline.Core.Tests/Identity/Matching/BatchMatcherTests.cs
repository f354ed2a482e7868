using Sightline.Core.Identity.Matching;

namespace Sightline.Core.Tests.Identity.Matching;

public sealed class BatchMatcherTests
{
    private static PersonRecord Person(string id, string given, string surname, string birth, string city) =>
        new() { Id = id, GivenName = given, Surname = surname, BirthDate = birth, City = city };

    [Fact]
    public void Duplicates_cluster_together_and_strangers_stay_alone()
    {
        PersonRecord[] records =
        [
            Person("a1", "William", "Shakespeare", "1964-04-23", "Stratford"),
            Person("a2", "Bill", "Shakespear", "1964-04-23", "Stratford"),
            Person("b1", "Ana", "Martín Ruiz", "1990-11-02", "Sevilla"),
            Person("b2", "Ana", "Martin", "1990-02-11", "Sevilla"),
            Person("c1", "Ana", "Martín Ruiz", "1955-06-15", "Sevilla"),
        ];

        var result = new BatchMatcher(new MatchSettings()).Resolve(records, StarterModel.Value);

        result.Clusters[1].ShouldBe(result.Clusters[0]);
        result.Clusters[3].ShouldBe(result.Clusters[2]);
        result.Clusters[4].ShouldNotBe(result.Clusters[2]);
        result.Comparisons.ShouldBeLessThan(10);
    }

    [Fact]
    public void Blocking_compares_far_fewer_pairs_than_all_of_them()
    {
        var random = new Random(7);
        var records = Enumerable.Range(0, 2_000)
            .Select(i => Person($"r{i}", $"given{random.Next(300)}", $"surname{random.Next(500)}", $"19{random.Next(30, 99)}-0{random.Next(1, 9)}-1{random.Next(0, 9)}", $"city{random.Next(50)}"))
            .ToList();

        var result = new BatchMatcher(new MatchSettings()).Resolve(records);

        result.Comparisons.ShouldBeLessThan(2_000L * 1_999 / 2 / 20);
        result.Model.Fields.Select(f => f.Name).ShouldContain("birth_date");
    }
}
