namespace Sightline.Core.Import;

/// <summary>The value types a mapping can declare; each is standardized by Sightline.Core.Standardization.</summary>
public static class FieldTypes
{
    public const string Text = "text";
    public const string Email = "email";
    public const string Phone = "phone";
    public const string Name = "name";
    public const string FullName = "full_name";
    public const string Date = "date";
    public const string DateTime = "datetime";
    public const string Country = "country";
    public const string Currency = "currency";
    public const string Amount = "amount";
    public const string PostalCode = "postal_code";
    public const string WholeNumber = "integer";
    public const string Number = "number";
    public const string Boolean = "boolean";

    public static readonly IReadOnlyList<string> All = [Text, Email, Phone, Name, FullName, Date, DateTime, Country, Currency, Amount, PostalCode, WholeNumber, Number, Boolean];

    /// <summary>The type a target's name implies when the mapping declares none: <c>email</c> is an e-mail, <c>address.postal_code</c> a postal code.</summary>
    public static string Infer(string target)
    {
        var name = target[(target.LastIndexOf('.') + 1)..].Replace("_", "", StringComparison.Ordinal).ToLowerInvariant();
        return name switch
        {
            "email" => Email,
            "phone" or "mobile" or "phonenumber" => Phone,
            "firstname" or "lastname" or "givenname" or "surname" or "familyname" => Name,
            "name" or "fullname" => FullName,
            "birthday" or "birthdate" or "dateofbirth" or "dob" => Date,
            "country" => Country,
            "currency" => Currency,
            "postalcode" or "postcode" or "zip" or "zipcode" => PostalCode,
            "total" or "revenue" or "price" or "amount" or "value" or "subtotal" or "tax" or "shipping" or "discount" => Amount,
            "quantity" => WholeNumber,
            _ => Text,
        };
    }
}
