using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;
using Sightline.Core.Audiences;
using Sightline.Core.Audit;
using Sightline.Core.Events;
using Sightline.Core.Identity;
using Sightline.Core.Import;
using Sightline.Core.Privacy;
using Sightline.Core.Profiles;
using Sightline.Core.Retention;
using Sightline.Core.Storage;
using Sightline.Server.Access;
using Sightline.Server.Admin;
using Sightline.Server.Audit;
using Sightline.Server.ComputedTraits;
using Sightline.Server.Consent;
using Sightline.Server.Dashboard;
using Sightline.Server.Dashboard.Overview;
using Sightline.Server.Dashboard.Signin;
using Sightline.Server.Dashboard.Users;
using Sightline.Server.Import;
using Sightline.Server.Ingestion;
using Sightline.Server.Matching;
using Sightline.Server.Privacy;
using Sightline.Server.Segments;
using Sightline.Server.Profiles;
using Sightline.Server.Retention;
using Sightline.Server.Search;
using Sightline.Storage.Sqlite;

namespace Sightline.Server.Hosting;

/// <summary>Composes the Sightline server: API, group-commit log writer and admin, on one host.</summary>
public static class SightlineApp
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    private static readonly Dictionary<string, string?> Defaults = new()
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:LogLevel:Sightline.Requests"] = "Information",
        ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
        // Keys for antiforgery and cookies are not used by the API; their "unencrypted key" warning only alarms.
        ["Logging:LogLevel:Microsoft.AspNetCore.DataProtection"] = "Error",
        // Named explicitly: without a name the console logger resets the formatter's options (SingleLine below).
        ["Logging:Console:FormatterName"] = "simple",
    };

    /// <summary>Builds the app from standard .NET configuration: appsettings.json, environment (<c>SIGHTLINE__…</c>), command line.</summary>
    public static WebApplication Build(string[] args, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        // Options are bound once at start, so appsettings.json need not be watched; and the watch covers the
        // working directory recursively, data directory included, so every page SQLite writes woke it:
        // 18% of the server's CPU under load (bench/results/ingestion.md).
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = ["--hostBuilder:reloadConfigOnChange=false", .. args] });
        // Defaults go first so every other source, environment variables included, overrides them.
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = Defaults });
        if (overrides is not null)
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }

        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        // Only the look of the default formatter: Logging:Console:FormatterName=json still switches to JSON logs.
        builder.Services.Configure<SimpleConsoleFormatterOptions>(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff ";
            console.UseUtcTimestamp = true;
        });
        AddSightline(builder.Services);
        var app = builder.Build();
        UseSightline(app);
        return app;
    }

    private static void AddSightline(IServiceCollection services)
    {
        services.AddOptions<SightlineOptions>().BindConfiguration(SightlineOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(TimeProvider.System);

        services.AddSingleton(sp => new SqliteDatabase(
            Options(sp).Data, Options(sp).Synchronous, Options(sp).Protector(), checkpointInBackground: Options(sp).WalCheckpointMilliseconds > 0));
        services.AddHostedService<WalCheckpointService>();
        services.AddSingleton<SqliteEventLog>();
        services.AddSingleton<IEventLog>(sp => sp.GetRequiredService<SqliteEventLog>());
        services.AddSingleton<IQuarantine>(sp => sp.GetRequiredService<SqliteEventLog>());
        services.AddSingleton<IImportStore>(sp => sp.GetRequiredService<SqliteEventLog>());
        services.AddSingleton<ImportService>();
        services.AddSingleton<ISourceCatalog, SqliteSourceCatalog>();
        services.AddSingleton<IPrivacyStore, SqlitePrivacyStore>();
        services.AddSingleton(sp => PrivacyDesk.Suppression(Options(sp), sp.GetRequiredService<IPrivacyStore>()));
        services.AddSingleton<SuppressionFilter>();
        services.AddSingleton<DirectChanges>();
        services.AddSingleton(sp => new PrivacyDesk(
            sp.GetRequiredService<IProfileStore>(), sp.GetRequiredService<IPrivacyStore>(), sp.GetRequiredService<SuppressionList>(),
            sp.GetRequiredService<DirectChanges>(), Options(sp).Purposes(), sp.GetRequiredService<ProfilePipeline>()));
        services.AddSingleton<IApiKeyStore, SqliteApiKeyStore>();
        services.AddSingleton<SqliteEncryption>();
        services.AddSingleton<Reencryption>();
        services.AddHostedService(sp => sp.GetRequiredService<Reencryption>());
        services.AddSingleton<IValidateOptions<SightlineOptions>, RetentionValidation>();
        services.AddSingleton<IRetentionStore, SqliteRetentionStore>();
        services.AddSingleton(sp => new RetentionPasses(
            sp.GetRequiredService<IRetentionStore>(), Options(sp).Retention, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ProfilePipeline>()));
        services.AddHostedService<RetentionService>();

        services.AddSingleton(sp => new MessageParser(new IngestionLimits
        {
            MaxMessageBytes = Options(sp).MaxMessageBytes,
            MaxRequestBytes = Options(sp).MaxRequestBytes,
            MaxDepth = Options(sp).MaxJsonDepth,
        }));
        services.AddSingleton(sp => new EventLogWriter(
            sp.GetRequiredService<IEventLog>(), Options(sp).MaxEventsPerCommit, sp.GetRequiredService<ProfilePipeline>().Notify));
        services.AddHostedService<EventLogWriterService>();
        services.AddSingleton<WriteKeys>();
        services.AddSingleton<IngestionServices>();

        services.AddSingleton<IProfileStore, SqliteProfileStore>();
        services.AddScoped<ProfileKeys>();
        services.AddSingleton<SegmentCatalogs>();
        services.AddSingleton(MergeRules.Default);
        services.AddSingleton(sp => new IdentifierNormalizer(Options(sp).DefaultPhoneRegion));
        services.AddSingleton(sp => new IdentifierExtractor(sp.GetRequiredService<IdentifierNormalizer>()));
        services.AddSingleton(sp => Options(sp).Matching());
        services.AddSingleton<ISegmentStore, SqliteSegmentStore>();
        services.AddSingleton(sp => new SegmentEngine(Options(sp).ComputedTraitSet()));
        services.AddSingleton(sp => sp.GetRequiredService<SegmentEngine>() is var engine
            ? new SegmentRuntime(engine, sp.GetRequiredService<ISegmentStore>(), TimeSpan.FromSeconds(Options(sp).SegmentRefreshSeconds), [.. engine.Computed.Traits.Select(t => t.Definition)])
            : null!);
        services.AddSingleton(sp => new AudienceExport(
            sp.GetRequiredService<IProfileStore>(), sp.GetRequiredService<ISegmentStore>(), sp.GetRequiredService<SegmentEngine>(), TimeProvider.System));
        services.AddSingleton<ProfilePipeline>();
        services.AddSingleton<SegmentAuthoring>();
        services.AddHostedService<ProfilePipelineService>();

        // Search: an in-memory index the pipeline keeps in step (it takes every registered observer).
        services.AddSingleton<ProfileSearch>();
        services.AddSingleton<ProfileFinder>();
        services.AddSingleton<ProfileIndexer>();
        services.AddSingleton<IProfileObserver>(sp => sp.GetRequiredService<ProfileIndexer>());
        services.AddHostedService(sp => sp.GetRequiredService<ProfileIndexer>());

        services.AddSingleton<ApiKeys>();
        services.AddSingleton<IAuditLog, SqliteAuditLog>();
        services.AddSingleton<AuditTrail>();
        services.AddHostedService(sp => sp.GetRequiredService<AuditTrail>());
        services.AddHostedService<AdminKeyBootstrap>();
        var authentication = services.AddAuthentication(DashboardAuthentication.ByPath)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        var authorization = services.AddAuthorizationBuilder();
        foreach (var (policy, roles) in Policies.Admits)
        {
            authorization.AddPolicy(policy, p => p.RequireRole(roles));
        }

        services.AddSingleton<IDashboardUserStore, SqliteDashboardUserStore>();
        services.AddSingleton<IActivityCounts, SqliteActivityCounts>();
        services.AddSingleton<OverviewReader>();
        services.AddSingleton<DashboardUsers>();
        services.AddHostedService<FirstAdminBootstrap>();
        DashboardAuthentication.Add(authentication, authorization);
        services.AddRazorComponents();
        // Razor escapes <, >, & and quotes either way; letters such as "í" are written as themselves, not as &#xED;.
        services.AddWebEncoders(encoders => encoders.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "sightline.antiforgery";
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
        });

        services.AddCors(cors => cors.AddPolicy(IngestionApi.CorsPolicy, policy => policy.AllowAnyOrigin().AllowAnyHeader().AllowAnyMethod()));
        services.AddRateLimiter(RateLimits.Configure);
        services.AddRequestDecompression();
        AbuseLimits.Add(services);
        services.AddProblemDetails();
        services.AddOpenApi();
        services.AddHealthChecks().AddCheck<StoreHealthCheck>("store");
    }

    private static void UseSightline(WebApplication app)
    {
        app.UseRequestLogging();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRequestDecompression();
        AbuseLimits.Use(app);
        app.UseCors();
        if (app.Services.GetRequiredService<IOptions<SightlineOptions>>().Value.RateLimit > 0)
        {
            app.UseRateLimiter();
        }

        app.UseAuthentication();
        AuditTrail.Use(app);
        app.UseAuthorization();
        app.UseAntiforgery();
        DashboardEndpoints.UseSecurityHeaders(app);

        app.MapOpenApi();
        app.MapScalarApiReference("/docs");
        app.MapHealthChecks("/healthz");
        app.MapIngestion();
        app.MapAdmin();
        app.MapProfiles();
        app.MapMergeSuggestions();
        app.MapImport();
        app.MapConsent();
        app.MapPrivacy();
        app.MapEncryption();
        app.MapRetention();
        app.MapSegments();
        app.MapComputedTraits();
        app.MapDashboard();
    }

    private static SightlineOptions Options(IServiceProvider services) =>
        services.GetRequiredService<IOptions<SightlineOptions>>().Value;
}
