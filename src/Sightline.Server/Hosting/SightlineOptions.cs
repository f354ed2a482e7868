using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using Sightline.Core.ComputedTraits;
using Sightline.Core.Identity.Matching;
using Sightline.Core.Privacy;
using Sightline.Server.Retention;

namespace Sightline.Server.Hosting;

/// <summary>The <c>Sightline</c> configuration section; docs/configuration.md lists every setting.</summary>
public sealed class SightlineOptions
{
    public const string Section = "Sightline";

    /// <summary>Directory holding the SQLite database (created if missing).</summary>
    [Required]
    public string Data { get; set; } = "sightline-data";

    /// <summary>
    /// An admin API key for automation. When unset, a key is generated at first start and printed once.
    /// </summary>
    [MinLength(16)]
    public string? AdminKey { get; set; }

    /// <summary>
    /// The password of the dashboard's first user, <c>admin</c>, created at first start (when there is no dashboard user
    /// yet). When unset, a random one is generated and printed once.
    /// </summary>
    [MinLength(Dashboard.Users.DashboardUsers.MinPasswordLength)]
    public string? AdminPassword { get; set; }

    /// <summary>SQLite's <c>synchronous</c> pragma for the log: FULL survives power loss, NORMAL a process crash.</summary>
    [RegularExpression("^(FULL|NORMAL|EXTRA)$")]
    public string Synchronous { get; set; } = "FULL";

    /// <summary>
    /// How often, in milliseconds, the server copies the write-ahead logs into the database files, beside the writers;
    /// 0 leaves it to SQLite, inside the commit that takes a log past 1,000 pages.
    /// </summary>
    [Range(0, 60_000)]
    public int WalCheckpointMilliseconds { get; set; } = 250;

    [Range(1024, 16 * 1024 * 1024)]
    public int MaxMessageBytes { get; set; } = 32 * 1024;

    [Range(1024, 64 * 1024 * 1024)]
    public int MaxRequestBytes { get; set; } = 500 * 1024;

    /// <summary>ISO 3166 region for phone numbers written without a country code (for example ES); unset accepts only international numbers.</summary>
    [RegularExpression("^[A-Za-z]{2}$")]
    public string? DefaultPhoneRegion { get; set; }

    /// <summary>
    /// Whether this process runs the profile pipeline. False makes an ingest-only node: it collects into the log
    /// and serves the API, while another process (or a later start) resolves profiles from the same log.
    /// </summary>
    public bool Pipeline { get; set; } = true;

    /// <summary>Most messages one group commit writes in one transaction.</summary>
    [Range(1, 1_000_000)]
    public int MaxEventsPerCommit { get; set; } = 20_000;

    /// <summary>Match probability at or above which two profiles without a shared identifier merge automatically.</summary>
    [Range(0.5, 1.0)]
    public double AutoMergeThreshold { get; set; } = new MatchSettings().AutoMergeThreshold;

    /// <summary>Match probability at or above which (and below <see cref="AutoMergeThreshold"/>) a pair is suggested for review.</summary>
    [Range(0.5, 1.0)]
    public double ReviewThreshold { get; set; } = new MatchSettings().ReviewThreshold;

    /// <summary>
    /// Requests per second one key (write key or API key; the client address for requests without one) may make
    /// before it is answered 429 with Retry-After; a burst of up to one second's worth is allowed. 0 turns it off.
    /// </summary>
    [Range(0, 10_000_000)]
    public int RateLimit { get; set; } = 10_000;

    /// <summary>The purposes people grant or deny (consent API, segments, exports). Default: analytics, personalization, email_marketing, sms_marketing, advertising, third_party_sharing.</summary>
    public string[] ConsentPurposes { get; set; } = [];

    /// <summary>The configured purposes, or the defaults when none are configured.</summary>
    public IReadOnlyList<string> Purposes() => ConsentPurposes.Length > 0 ? ConsentPurposes : Core.Consent.ConsentPurposes.Defaults;

    /// <summary>
    /// The file holding Sightline's secrets (the suppression list's HMAC key), generated at first start. Default: beside
    /// the data directory, as <c>DATA.keys.json</c>, so a copy of the database alone does not carry it.
    /// </summary>
    public string? KeyFile { get; set; }

    /// <summary>The suppression list's HMAC secret (at least 32 characters); when set, used instead of the key file's.</summary>
    [MinLength(32)]
    public string? SuppressionSecret { get; set; }

    /// <summary>The key file's path: <see cref="KeyFile"/>, or the default beside the data directory.</summary>
    public string KeyFilePath() => KeyFile ?? Core.Privacy.KeyFile.DefaultPath(Data);

    /// <summary>The secret erased identifiers are hashed with.</summary>
    public byte[] SuppressionKey() => SuppressionSecret is { } secret
        ? System.Text.Encoding.UTF8.GetBytes(secret)
        : Core.Privacy.KeyFile.LoadOrCreate(KeyFilePath()).SuppressionSecret;

    /// <summary>
    /// Whether personal values (event and quarantine payloads, identity and trait values) are written encrypted
    /// (AES-256-GCM). Off writes new values in clear; values already encrypted stay readable while their key is kept.
    /// </summary>
    public bool Encryption { get; set; } = true;

    /// <summary>
    /// A data-encryption key (32 bytes, base64) to use instead of the key file's: values are encrypted under it as
    /// key 0. The key file's keys, when the file exists, still read what they encrypted (and the background
    /// re-encryption moves those values to this key).
    /// </summary>
    public string? EncryptionKey { get; set; }

    /// <summary>The encryption keys (configured or from the key file) and the blind-index key, as the store uses them.</summary>
    public FieldProtector Protector()
    {
        var keys = new Dictionary<byte, byte[]>();
        byte? current;
        var path = KeyFilePath();
        if (EncryptionKey is { } configured)
        {
            keys[0] = ConfiguredKey(configured);
            current = 0;
            if (File.Exists(path))
            {
                Add(Core.Privacy.KeyFile.Load(path));
            }
        }
        else
        {
            var file = Core.Privacy.KeyFile.LoadOrCreate(path);
            Add(file);
            current = file.CurrentEncryptionKey;
        }

        return new FieldProtector(keys, Encryption ? current : null, FieldProtector.DeriveIndexKey(SuppressionKey()));

        void Add(Core.Privacy.KeyFile file)
        {
            foreach (var key in file.Encryption)
            {
                keys[key.Id] = key.Bytes;
            }
        }
    }

    private static byte[] ConfiguredKey(string base64)
    {
        var key = new byte[32];
        return Convert.TryFromBase64String(base64.Trim(), key, out var length) && length == 32
            ? key
            : throw new OptionsValidationException(Section, typeof(SightlineOptions), ["Sightline:EncryptionKey must be 32 bytes in base64 (for example from: openssl rand -base64 32)"]);
    }


    /// <summary>Largest accepted import upload (<c>POST /v1/import/{source}</c>), in bytes; other bodies are limited by <see cref="MaxRequestBytes"/>.</summary>
    [Range(typeof(long), "1024", "1099511627776")]
    public long MaxImportBytes { get; set; } = 1L << 30;

    /// <summary>Deepest JSON nesting accepted in any request body: ingestion, consent, admin.</summary>
    [Range(8, 1024)]
    public int MaxJsonDepth { get; set; } = 64;

    /// <summary>Seconds a client may take to send its request headers before the connection is closed.</summary>
    [Range(1, 600)]
    public int RequestHeadersTimeoutSeconds { get; set; } = 15;

    /// <summary>Slowest accepted request body, in bytes per second after a 5-second grace; a slower upload is cut with 408. 0 turns it off.</summary>
    [Range(0, 1_000_000_000)]
    public int MinRequestBodyBytesPerSecond { get; set; } = 240;

    /// <summary>Seconds a request may run before it is answered 408; imports, which stream large files, are exempt. 0 turns it off.</summary>
    [Range(0, 3600)]
    public int RequestTimeoutSeconds { get; set; } = 30;

    /// <summary>How long events are kept per source and type, and how often expired ones are deleted; no rules keeps everything.</summary>
    public RetentionOptions Retention { get; set; } = new();

    /// <summary>The matcher's settings these options describe.</summary>
    /// <summary>
    /// A YAML or JSON file of computed-trait definitions (docs/computed-traits.md) that replaces the built-in ones;
    /// unset for the built-in defaults (orders_90d, lifetime_value, last_seen, …).
    /// </summary>
    public string? ComputedTraits { get; set; }

    /// <summary>How often, in seconds, segments that change with time alone (windows, <c>within</c>) are evaluated again.</summary>
    [Range(1, 86_400)]
    public int SegmentRefreshSeconds { get; set; } = 60;

    /// <summary>The computed traits in force: <see cref="ComputedTraits"/>'s file, or the built-in defaults.</summary>
    /// <exception cref="InvalidOperationException">The file cannot be read or holds invalid definitions (each problem is named).</exception>
    public ComputedTraitSet ComputedTraitSet()
    {
        var result = ComputedTraits is { } path
            ? File.Exists(path) ? TraitDefinitionLoader.Load(path) : throw new InvalidOperationException($"Sightline:ComputedTraits: file \"{path}\" does not exist")
            : TraitDefinitionLoader.Defaults();
        return result.Succeeded
            ? new ComputedTraitSet(result.Definitions)
            : throw new InvalidOperationException($"Sightline:ComputedTraits: {string.Join("; ", result.Errors)}");
    }

    public MatchSettings Matching() => new() { AutoMergeThreshold = AutoMergeThreshold, ReviewThreshold = Math.Min(ReviewThreshold, AutoMergeThreshold) };
}
