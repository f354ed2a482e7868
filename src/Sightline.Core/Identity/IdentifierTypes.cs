namespace Sightline.Core.Identity;

/// <summary>The identifier types Sightline reads from messages itself; sources may add their own (crm_id, loyalty_card, …).</summary>
public static class IdentifierTypes
{
    public const string UserId = "user_id";
    public const string AnonymousId = "anonymous_id";
    public const string Email = "email";
    public const string Phone = "phone";
    public const string DeviceId = "device_id";
    public const string AdvertisingId = "advertising_id";
}
