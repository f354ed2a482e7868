using Sightline.Core.Standardization;

namespace Sightline.Core.Tests.Standardization;

public sealed class EmailsTests
{
    [Theory]
    [InlineData("  Ana.Gomez@Shop.ES ", "ana.gomez@shop.es")]
    [InlineData("mailto:LUIS@correo.com.mx", "luis@correo.com.mx")]
    [InlineData("<pepe@empresa.es>", "pepe@empresa.es")]
    [InlineData("\"maria+ofertas@gmail.com\"", "maria+ofertas@gmail.com")]
    [InlineData("José García <Jose.Garcia@Telefonica.es>", "jose.garcia@telefonica.es")]
    [InlineData("\u200Fana@x.es\uFEFF", "ana@x.es")]
    [InlineData("a@b.c", "a@b.c")]
    [InlineData("o'connor@mail.co.uk", "o'connor@mail.co.uk")]
    [InlineData("núñez@correo.es", "núñez@correo.es")]
    public void Valid_addresses_are_trimmed_unwrapped_and_lower_cased(string raw, string expected)
    {
        Emails.TryStandardize(raw, out var email, out var error).ShouldBeTrue(error);
        email.ShouldBe(expected);
    }

    [Theory]
    [InlineData("", "empty e-mail address")]
    [InlineData("not-an-email", "\"not-an-email\" is missing '@'")]
    [InlineData("a@b@c.com", "\"a@b@c.com\" has more than one '@'")]
    [InlineData("ana@gmail", "domain \"gmail\" has no dot")]
    [InlineData("@gmail.com", "\"@gmail.com\" has nothing before '@'")]
    [InlineData("ana@", "\"ana@\" has nothing after '@'")]
    [InlineData("ana lopez@gmail.com", "\"ana lopez@gmail.com\" contains a space")]
    [InlineData("ana@gmail..com", "domain \"gmail..com\" has an empty label")]
    [InlineData("ana.@gmail.com", "\"ana.@gmail.com\" has a misplaced dot before '@'")]
    [InlineData("ana@-gmail.com", "domain \"-gmail.com\" has a label starting or ending with '-'")]
    [InlineData("ana@gmail,com", "domain \"gmail,com\" has no dot")]
    [InlineData("ana@1.2.3.4", "domain \"1.2.3.4\" ends in a number")]
    [InlineData("ana\u0007@x.es", "\"ana\\u0007@x.es\" contains a control character")]
    public void Invalid_addresses_say_why(string raw, string expected)
    {
        Emails.TryStandardize(raw, out var email, out var error).ShouldBeFalse();
        email.ShouldBeNull();
        error.ShouldBe(expected);
    }

    [Fact]
    public void Length_limits_follow_rfc_5321()
    {
        Emails.TryStandardize(new string('a', 64) + "@x.es", out _, out _).ShouldBeTrue();
        Emails.TryStandardize(new string('a', 65) + "@x.es", out _, out var local).ShouldBeFalse();
        local.ShouldEndWith("has more than 64 characters before '@'");
        Emails.TryStandardize("a@" + string.Join('.', Enumerable.Repeat(new string('b', 60), 5)) + ".es", out _, out var total).ShouldBeFalse();
        total.ShouldEndWith("is longer than 254 characters");
    }

    [Fact]
    public void Long_values_are_quoted_cut_to_forty_characters()
    {
        Emails.TryStandardize(new string('x', 100), out _, out var error).ShouldBeFalse();
        error.ShouldBe($"\"{new string('x', 40)}…\" is missing '@'");
    }

    [Fact]
    public void A_huge_field_of_quotes_is_refused_at_once_not_peeled_a_pair_at_a_time()
    {
        // Found by the import fuzzer: 150,000 quotes took 13 s.
        var started = System.Diagnostics.Stopwatch.GetTimestamp();

        Emails.TryStandardize(new string('"', 150_000), out _, out var error).ShouldBeFalse();

        error!.ShouldEndWith("is longer than 254 characters");
        System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds.ShouldBeLessThan(1);
    }
}
