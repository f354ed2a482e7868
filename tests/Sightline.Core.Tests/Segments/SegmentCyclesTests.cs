using Sightline.Core.Segments;

namespace Sightline.Core.Tests.Segments;

public sealed class SegmentCyclesTests
{
    private static Dictionary<string, SegmentExpression> Definitions(params (string Name, string Text)[] segments) =>
        segments.ToDictionary(s => s.Name, s => SegmentParser.Parse(s.Text).Expression!);

    [Fact]
    public void Segments_without_cycles_have_none() =>
        SegmentCycles.Find(Definitions(("a", "in segment \"b\""), ("b", "in segment \"c\" and x = 1"), ("c", "x = 2"), ("d", "in segment \"b\""))).ShouldBeEmpty();

    [Fact]
    public void A_cycle_through_three_segments_is_found_once()
    {
        var cycles = SegmentCycles.Find(Definitions(
            ("a", "x = 1 or in segment \"b\""), ("b", "not in segment \"c\""), ("c", "in segment \"a\""), ("d", "in segment \"a\"")));

        cycles.ShouldHaveSingleItem().ShouldBe(["a", "b", "c", "a"]);
    }

    [Fact]
    public void Self_references_and_separate_cycles_are_each_reported()
    {
        var cycles = SegmentCycles.Find(Definitions(
            ("self", "in segment \"self\""), ("p", "in segment \"q\""), ("q", "in segment \"p\""), ("r", "in segment \"missing\"")));

        cycles.Select(c => string.Join(">", c)).ShouldBe(["p>q>p", "self>self"]);
    }
}
