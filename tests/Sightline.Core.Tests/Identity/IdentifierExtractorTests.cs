using System.Text.Json;
using Sightline.Core.Identity;

namespace Sightline.Core.Tests.Identity;

public sealed class IdentifierExtractorTests
{
    private readonly IdentifierExtractor _extractor = new(new IdentifierNormalizer("ES"));

    private IReadOnlyList<string> Extract(string json) =>
        [.. _extractor.Extract(JsonDocument.Parse(json).RootElement).Select(i => i.ToString())];

    [Fact]
    public void Identify_yields_user_anonymous_email_and_phone_normalized()
    {
        Extract("""{"type":"identify","userId":" u-1 ","anonymousId":"a-1","traits":{"email":"  Ana.Gomez@Shop.ES ","phone":"612 34 56 78"}}""")
            .ShouldBe(["user_id:u-1", "anonymous_id:a-1", "email:ana.gomez@shop.es", "phone:+34612345678"]);
    }

    [Fact]
    public void Track_yields_context_traits_devices_and_external_ids()
    {
        Extract("""
            {"type":"track","anonymousId":"a-2","event":"x","context":{
                "traits":{"email":"luis@mail.com"},
                "device":{"id":"dev-1","advertisingId":"ad-1"},
                "externalIds":[{"id":"C-77","type":"CRM_ID","collection":"users"},{"id":"L-5","type":"loyalty_card"},{"id":"","type":"crm_id"}]}}
            """).ShouldBe(["anonymous_id:a-2", "email:luis@mail.com", "device_id:dev-1", "advertising_id:ad-1", "crm_id:C-77", "loyalty_card:L-5"]);
    }

    [Fact]
    public void A_source_sets_its_phone_region_and_declares_identifier_traits()
    {
        var pos = new Sightline.Core.Sources.Source
        {
            Id = 1,
            Name = "pos",
            Kind = Sightline.Core.Sources.SourceKind.CustomerDirect,
            Trust = 80,
            WriteKey = "k",
            CreatedAt = DateTimeOffset.UnixEpoch,
            PhoneRegion = "MX",
            IdentifierTraits = ["loyalty_card"],
        };
        var message = JsonDocument.Parse("""{"anonymousId":"a","traits":{"phone":"55 1234 5678","loyalty_card":" L-77 ","other":"x"}}""").RootElement;

        _extractor.Extract(message, pos).Select(i => i.ToString()).ShouldBe(["anonymous_id:a", "phone:+525512345678", "loyalty_card:L-77"]);
        _extractor.Extract(message).Select(i => i.ToString()).ShouldBe(["anonymous_id:a"]);
    }

    [Theory]
    [InlineData("""{"traits":{"email":"not-an-email"}}""")]
    [InlineData("""{"traits":{"email":"a@b@c"}}""")]
    [InlineData("""{"traits":{"phone":"12"}}""")]
    [InlineData("""{"traits":{"phone":{"number":"612345678"}}}""")]
    public void Unusable_values_are_skipped(string json) => Extract(json).ShouldBeEmpty();

    [Fact]
    public void Alias_previous_id_is_read()
    {
        IdentifierExtractor.PreviousId(JsonDocument.Parse("""{"type":"alias","userId":"u","previousId":"a-1"}""").RootElement).ShouldBe("a-1");
        IdentifierExtractor.PreviousId(JsonDocument.Parse("""{"type":"track","userId":"u","previousId":"a-1"}""").RootElement).ShouldBeNull();
    }

    [Theory]
    [InlineData("+34 612 345 678", null, "+34612345678")]
    [InlineData("(415) 555-2671", "US", "+14155552671")]
    [InlineData("0034612345678", "ES", "+34612345678")]
    [InlineData("612345678", null, null)]
    public void Phone_numbers_become_e164_with_the_default_region(string raw, string? region, string? expected) =>
        new IdentifierNormalizer(region).Normalize("phone", raw)?.Value.ShouldBe(expected);

    [Fact]
    public void Fixed_lines_are_told_from_mobiles()
    {
        IdentifierNormalizer.IsFixedLine("+34912345678").ShouldBeTrue();
        IdentifierNormalizer.IsFixedLine("+34612345678").ShouldBeFalse();
    }
}
