using System.Text.Json;
using Sightline.Core.Identity.Matching;

namespace Sightline.Core.Tests.Identity.Matching;

public sealed class PersonTraitsTests
{
    private static JsonElement Traits(string json) => JsonDocument.Parse(json).RootElement;

    [Fact]
    public void The_same_person_data_sent_again_is_no_change_so_the_profile_is_not_compared_again()
    {
        var first = PersonTraits.Overlay(null, "7", Traits("""{"firstName":"Ana","email":"ana@shop.es","plan":"pro"}"""));

        first.ShouldNotBeNull().GivenName.ShouldBe("Ana");
        PersonTraits.Overlay(first, "7", Traits("""{"email":"ana@shop.es","firstName":"Ana","plan":"team"}""")).ShouldBeNull();
        PersonTraits.Overlay(first, "7", Traits("""{"firstName":"Ana","phone":"+34600111222"}""")).ShouldNotBeNull().GivenName.ShouldBe("Ana");
    }

    [Fact]
    public void Traits_without_person_data_change_nothing()
    {
        PersonTraits.Overlay(null, "7", Traits("""{"plan":"pro"}""")).ShouldBeNull();
        PersonTraits.Overlay(null, "7", Traits("""{"firstName":null}""")).ShouldBeNull();
    }
}
