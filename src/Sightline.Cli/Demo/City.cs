namespace Sightline.Cli.Demo;

/// <summary>
/// A city: its postal codes are drawn between PostalFrom and PostalTo and written with PostalFormat (00000 in Spain,
/// 0000 in Argentina); AreaCode leads its fixed lines' national numbers (91 in Madrid); Store is the retailer's
/// store there, or null where it only sells online.
/// </summary>
internal sealed record City(string Name, int PostalFrom, int PostalTo, string PostalFormat, string AreaCode, string? Store = null);
