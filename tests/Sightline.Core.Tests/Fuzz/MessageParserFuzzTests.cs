using System.Text;
using Sightline.Core.Events;

namespace Sightline.Core.Tests.Fuzz;

/// <summary>
/// Thousands of hostile bodies straight into the parser (bench/Sightline.Fuzz runs a hundred thousand): it never
/// throws, every rejection names a field, and every accepted message is one the log can keep and read back.
/// </summary>
public sealed class MessageParserFuzzTests
{
    private const int Inputs = 3_000;

    private static readonly DateTimeOffset ReceivedAt = new(2024, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Hostile_bodies_are_accepted_clean_or_rejected_with_a_field(int seed)
    {
        var limits = new IngestionLimits();
        var live = new MessageParser(limits);
        var imports = live.ForImports();
        var generator = new HostileBodies(seed);
        var outcomes = new int[3];
        for (var i = 0; i < Inputs; i++)
        {
            var input = generator.Next();
            var parser = i % 5 == 0 ? imports : live;
            var (result, failure) = StoredMessageChecks.Parse(parser, input.Body, input.Type, ReceivedAt, limits);
            failure.ShouldBeNull($"input {i} of seed {seed} ({input.Path}, {input.Mutations}): {Preview(input.Body)}");
            outcomes[result!.RequestRejected ? 0 : result.Rejected.Count > 0 ? 1 : 2]++;
        }

        // The generator must reach every outcome, or it tests less than it seems to.
        outcomes.ShouldAllBe(count => count > Inputs / 20);
    }

    private static string Preview(byte[] body) => body.Length > 600 ? Encoding.UTF8.GetString(body, 0, 600) + "…" : Encoding.UTF8.GetString(body);
}
