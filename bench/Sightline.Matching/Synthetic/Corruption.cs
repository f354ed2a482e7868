namespace Sightline.Matching.Synthetic;

/// <summary>The errors a duplicate record can carry; each duplicate gets one to three.</summary>
internal enum Corruption
{
    GivenNameTypo,
    SurnameTypo,
    Nickname,
    DroppedSecondSurname,
    SwappedDayMonth,
    BirthDateTypo,
    OtherEmailDomain,
    NewEmail,
    MissingFields,
    PhoneTypo,
    DocumentTypo,
    PostcodeTypo,
    NamesSwapped,
}
