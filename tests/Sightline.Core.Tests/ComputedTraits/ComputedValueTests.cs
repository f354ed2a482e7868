using System.Text;
using System.Text.Json;
using Sightline.Core.ComputedTraits;

namespace Sightline.Core.Tests.ComputedTraits;

public sealed class ComputedValueTests
{
    private static string Json(ComputedValue value)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            value.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    [Fact]
    public void Each_kind_writes_as_plain_json()
    {
        Json(ComputedValue.None).ShouldBe("null");
        Json(ComputedValue.FromNumber(12.50m)).ShouldBe("12.50");
        Json(ComputedValue.FromText("store")).ShouldBe("\"store\"");
        Json(ComputedValue.FromBoolean(true)).ShouldBe("true");
        Json(ComputedValue.FromTimestamp(new DateTimeOffset(2026, 6, 2, 10, 0, 0, TimeSpan.FromHours(2)))).ShouldBe("\"2026-06-02T08:00:00+00:00\"");
        Json(ComputedValue.FromList(["a", "b"])).ShouldBe("[\"a\",\"b\"]");
    }

    [Fact]
    public void Values_compare_by_kind_and_content()
    {
        ComputedValue.FromNumber(5.0m).ShouldBe(ComputedValue.FromNumber(5));
        ComputedValue.FromList(["a"]).ShouldBe(ComputedValue.FromList(["a"]));
        ComputedValue.FromText("5").ShouldNotBe(ComputedValue.FromNumber(5));
        ComputedValue.FromBoolean(false).ShouldNotBe(ComputedValue.FromNumber(0));
        ComputedValue.None.ShouldBe(default);
    }

    [Fact]
    public void Reading_the_wrong_kind_throws() =>
        Should.Throw<InvalidOperationException>(() => ComputedValue.FromText("x").Number).Message.ShouldBe("The value is Text, not Number.");
}
