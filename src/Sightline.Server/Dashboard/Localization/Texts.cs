using System.Globalization;

namespace Sightline.Server.Dashboard.Localization;

/// <summary>
/// Every text the dashboard shows, in one typed table per language: a missing translation is a compile error, not a
/// key shown to a user. (The server runs with invariant globalization, so .NET cultures and resource lookups are not
/// available; numbers and dates are written the same way in both languages.)
/// </summary>
public sealed record Texts
{
    public required string Code { get; init; }
    public required string LanguageName { get; init; }
    public required string SkipToContent { get; init; }
    public required string MainNavigation { get; init; }
    public required string NavSearch { get; init; }
    public required string NavMerges { get; init; }
    public required string SignedInAs { get; init; }
    public required string SignOut { get; init; }
    public required string Language { get; init; }
    public required string SignInTitle { get; init; }
    public required string UserName { get; init; }
    public required string Password { get; init; }
    public required string SignIn { get; init; }
    public required string SignInFailed { get; init; }
    public required string SignInLocked { get; init; }
    public required string SignedOut { get; init; }
    public required string SearchTitle { get; init; }
    public required string SearchLabel { get; init; }
    public required string SearchHint { get; init; }
    public required string SearchButton { get; init; }
    public required Func<int, double, string> Results { get; init; }
    public required Func<int, string> Searchable { get; init; }
    public required string NoResults { get; init; }
    public required string Name { get; init; }
    public required string Email { get; init; }
    public required string Phone { get; init; }
    public required string City { get; init; }
    public required string BirthDate { get; init; }
    public required string Address { get; init; }
    public required string Profile { get; init; }
    public required string IdentifierCount { get; init; }
    public required string Unnamed { get; init; }
    public required Func<string, string> CustomerTitle { get; init; }
    public required string NotFound { get; init; }
    public required string Identity { get; init; }
    public required string Identities { get; init; }
    public required string Type { get; init; }
    public required string Value { get; init; }
    public required string Source { get; init; }
    public required string FirstSeen { get; init; }
    public required string Traits { get; init; }
    public required string TraitsHint { get; init; }
    public required string Trait { get; init; }
    public required string Observed { get; init; }
    public required string Trust { get; init; }
    public required Func<int, string> History { get; init; }
    public required string ThirdParty { get; init; }
    public required string Consents { get; init; }
    public required string Purpose { get; init; }
    public required string Granted { get; init; }
    public required string Denied { get; init; }
    public required string NoConsents { get; init; }
    public required string Merges { get; init; }
    public required string NoMerges { get; init; }
    public required string Merged { get; init; }
    public required string Blocked { get; init; }
    public required Func<string, string, string> MergeLine { get; init; }
    public required string Via { get; init; }
    public required string Reason { get; init; }
    public required string Evidence { get; init; }
    public required string Field { get; init; }
    public required string Agreement { get; init; }
    public required string Weight { get; init; }
    public required Func<double, string> Probability { get; init; }
    public required string Unmerge { get; init; }
    public required Func<string, string> Unmerged { get; init; }
    public required string NothingToUnmerge { get; init; }
    public required string Timeline { get; init; }
    public required string Any { get; init; }
    public required string Filter { get; init; }
    public required string Older { get; init; }
    public required string Newest { get; init; }
    public required string NoEvents { get; init; }
    public required string Time { get; init; }
    public required string Event { get; init; }
    public required string Details { get; init; }
    public required string MergesTitle { get; init; }
    public required string MergesIntro { get; init; }
    public required string NoSuggestions { get; init; }
    public required Func<long, string> Suggestion { get; init; }
    public required string Approve { get; init; }
    public required string Reject { get; init; }
    public required Func<long, string> Approved { get; init; }
    public required Func<long, string> Rejected { get; init; }
    public required string AlreadyDecided { get; init; }
    public required string Open { get; init; }
    public required string NavSegments { get; init; }
    public required string SegmentsTitle { get; init; }
    public required string SegmentsIntro { get; init; }
    public required string NoSegments { get; init; }
    public required string NewSegment { get; init; }
    public required string Segment { get; init; }
    public required string Expression { get; init; }
    public required string Size { get; init; }
    public required string Status { get; init; }
    public required Func<string, string> StatusName { get; init; }
    public required string Trend { get; init; }
    public required Func<int, int, string> TrendLabel { get; init; }
    public required Func<string, string> SegmentDeleted { get; init; }
    public required string SegmentNotFound { get; init; }
    public required Func<string, string> EditSegmentTitle { get; init; }
    public required string Edit { get; init; }
    public required string Description { get; init; }
    public required string ExpressionHint { get; init; }
    public required string Preview { get; init; }
    public required string Save { get; init; }
    public required string DeleteSegment { get; init; }
    public required string Problems { get; init; }
    public required string NoProblems { get; init; }
    public required Func<bool, string> Severity { get; init; }
    public required Func<int, int, string> LineColumn { get; init; }
    public required string ShowInText { get; init; }
    public required Func<string, string> UseSuggestion { get; init; }
    public required string SizePreview { get; init; }
    public required Func<int, int, string> PreviewSize { get; init; }
    public required Func<double, string> CheckedIn { get; init; }
    public required string SampleMembers { get; init; }
    public required string PreviewUnavailable { get; init; }
    public required string PreviewNeedsValid { get; init; }
    public required Func<string, string> SegmentSaved { get; init; }
    public required Func<string, string> NameTaken { get; init; }
    public required Func<string, string, string> CannotRename { get; init; }
    public required Func<string, string, string> CannotDelete { get; init; }
    public required string ExpressionRequired { get; init; }
    public required string ExpressionHasErrors { get; init; }
    public required string ReadOnlySegments { get; init; }
    public required string Members { get; init; }
    public required string MemberSince { get; init; }
    public required string TraitColumns { get; init; }
    public required string TraitColumnsHint { get; init; }
    public required string Show { get; init; }
    public required string NoMembers { get; init; }
    public required string NextMembers { get; init; }
    public required string FirstMembers { get; init; }
    public required string ExportAudience { get; init; }
    public required string ExportHint { get; init; }
    public required string Format { get; init; }
    public required string OnlyGranted { get; init; }
    public required string Everyone { get; init; }
    public required string Download { get; init; }
    public required string EntriesAndExits { get; init; }
    public required string Change { get; init; }
    public required Func<bool, string> Entered { get; init; }
    public required string NoEntries { get; init; }
    public required string OlderEntries { get; init; }
    public required string NewestEntries { get; init; }
    public required string InNoSegment { get; init; }
    public required string ComputedTraits { get; init; }
    public required string ComputedTraitsHint { get; init; }
    public required string Definition { get; init; }
    public required string NoValue { get; init; }
    public required string AllTime { get; init; }
    public required Func<int, string> LastDays { get; init; }

    // Overview, sources and quarantine.
    public required string NavOverview { get; init; }
    public required string NavSources { get; init; }
    public required string NavQuarantine { get; init; }
    public required string OverviewTitle { get; init; }
    public required Func<string, string> Updated { get; init; }
    public required string PauseUpdates { get; init; }
    public required string ResumeUpdates { get; init; }
    public required string Profiles { get; init; }
    public required string Known { get; init; }
    public required string Anonymous { get; init; }
    public required Func<long, long, string> KnownShare { get; init; }
    public required string EventsToday { get; init; }
    public required string Today { get; init; }
    public required string Last7Days { get; init; }
    public required string Last30Days { get; init; }
    public required string IdentityMerges { get; init; }
    public required Func<long, string> BlockedMerges { get; init; }
    public required string Quarantined { get; init; }
    public required Func<long, string> RejectedIn30Days { get; init; }
    public required string PipelineLag { get; init; }
    public required string CaughtUp { get; init; }
    public required Func<double, string> Seconds { get; init; }
    public required Func<long, string> EventsWaiting { get; init; }
    public required string EventsPerDay { get; init; }
    public required Func<long, long, string> EventsPerDayChart { get; init; }
    public required Func<string, long, long, string> DayColumn { get; init; }
    public required string Accepted { get; init; }
    public required string RejectedHeader { get; init; }
    public required string BySource { get; init; }
    public required string ByType { get; init; }
    public required string NoTraffic { get; init; }
    public required string TopSegments { get; init; }
    public required string ShareOfProfiles { get; init; }
    public required Func<string, string, string> ShareOf { get; init; }
    public required string SourcesTitle { get; init; }
    public required string SourcesIntro { get; init; }
    public required string NoSources { get; init; }
    public required string Kind { get; init; }
    public required string WriteKey { get; init; }
    public required Func<string, string> RevealKey { get; init; }
    public required string Reveal { get; init; }
    public required string KeyHidden { get; init; }
    public required string EventsPerHour { get; init; }
    public required Func<string, long, string> HourlyLine { get; init; }
    public required string LastEvent { get; init; }
    public required string Never { get; init; }
    public required string QuarantineTitle { get; init; }
    public required string QuarantineIntro { get; init; }
    public required string QuarantineEmpty { get; init; }
    public required string Waiting { get; init; }
    public required string Import { get; init; }
    public required string File { get; init; }
    public required string Line { get; init; }
    public required string Received { get; init; }
    public required string Payload { get; init; }
    public required string OverHttp { get; init; }
    public required string Replay { get; init; }
    public required Func<long, string> ReplayAll { get; init; }
    public required string FixedMapping { get; init; }
    public required Func<string, string> MappingHint { get; init; }
    public required Func<int, int, int, string> Replayed { get; init; }
    public required Func<string, string> ReplayFailed { get; init; }
    public required string OlderQuarantined { get; init; }
    public required string NewestQuarantined { get; init; }
    public required string NotReplayable { get; init; }

    public static readonly Texts English = new()
    {
        Code = "en",
        LanguageName = "English",
        SkipToContent = "Skip to content",
        MainNavigation = "Main",
        NavSearch = "Search",
        NavMerges = "Merge review",
        SignedInAs = "Signed in as",
        SignOut = "Sign out",
        Language = "Language",
        SignInTitle = "Sign in to Sightline",
        UserName = "User name",
        Password = "Password",
        SignIn = "Sign in",
        SignInFailed = "Wrong user name or password.",
        SignInLocked = "Too many failed attempts: this account is locked for a few minutes.",
        SignedOut = "You have signed out.",
        SearchTitle = "Find a customer",
        SearchLabel = "Name, e-mail, phone or any identifier",
        SearchHint = "Typos and accents are forgiven: \"jose garsia\" finds José García.",
        SearchButton = "Search",
        Results = (count, ms) => string.Create(CultureInfo.InvariantCulture, $"{count} results in {ms:0.#} ms"),
        Searchable = count => string.Create(CultureInfo.InvariantCulture, $"{count:N0} people searchable by name, e-mail or phone; any profile by an exact identifier or its number."),
        NoResults = "No customer matches.",
        Name = "Name",
        Email = "E-mail",
        Phone = "Phone",
        City = "City",
        BirthDate = "Birth date",
        Address = "Address",
        Profile = "Profile",
        IdentifierCount = "Identifiers",
        Unnamed = "(no name)",
        CustomerTitle = id => $"Customer {id}",
        NotFound = "No profile has this id.",
        Identity = "Identity",
        Identities = "Identifiers, and where each came from",
        Type = "Type",
        Value = "Value",
        Source = "Source",
        FirstSeen = "First seen",
        Traits = "Traits",
        TraitsHint = "The value shown wins by source kind, trust, then recency; open a trait for its provenance and history.",
        Trait = "Trait",
        Observed = "Observed",
        Trust = "Trust",
        History = count => string.Create(CultureInfo.InvariantCulture, $"History ({count})"),
        ThirdParty = "third-party",
        Consents = "Consents",
        Purpose = "Purpose",
        Granted = "granted",
        Denied = "denied",
        NoConsents = "No consent recorded.",
        Merges = "Merges",
        NoMerges = "No merges.",
        Merged = "merged",
        Blocked = "blocked",
        MergeLine = (from, into) => $"Profile {from} into {into}",
        Via = "Via",
        Reason = "Reason",
        Evidence = "Evidence",
        Field = "Field",
        Agreement = "Agreement",
        Weight = "Weight",
        Probability = p => string.Create(CultureInfo.InvariantCulture, $"{p * 100:0.#}% likely the same person"),
        Unmerge = "Unmerge",
        Unmerged = from => $"Profile {from} was split off; the profiles are being rebuilt.",
        NothingToUnmerge = "That profile is not merged into this one.",
        Timeline = "Timeline",
        Any = "Any",
        Filter = "Filter",
        Older = "Older events",
        Newest = "Newest events",
        NoEvents = "No events.",
        Time = "Time",
        Event = "Event",
        Details = "Details",
        MergesTitle = "Merge review",
        MergesIntro = "Pairs of profiles that are probably the same person. Approving merges them (an unmerge undoes it); rejecting keeps them apart for good.",
        NoSuggestions = "Nothing to review.",
        Suggestion = id => string.Create(CultureInfo.InvariantCulture, $"Suggestion {id}"),
        Approve = "Approve merge",
        Reject = "Reject",
        Approved = id => string.Create(CultureInfo.InvariantCulture, $"Suggestion {id} approved: the profiles are being merged."),
        Rejected = id => string.Create(CultureInfo.InvariantCulture, $"Suggestion {id} rejected: the profiles stay apart."),
        AlreadyDecided = "That suggestion was decided already.",
        Open = "Open",
        NavOverview = "Overview",
        NavSources = "Sources",
        NavQuarantine = "Quarantine",
        OverviewTitle = "Overview",
        Updated = time => $"Figures of {time}; they refresh every 30 seconds while this page is open.",
        PauseUpdates = "Pause updates",
        ResumeUpdates = "Resume updates",
        Profiles = "Profiles",
        Known = "Known",
        Anonymous = "Anonymous",
        KnownShare = (known, anonymous) => string.Create(CultureInfo.InvariantCulture, $"{known:N0} known profiles (identified by more than an anonymous id), {anonymous:N0} anonymous"),
        EventsToday = "Events today",
        Today = "Today",
        Last7Days = "Last 7 days",
        Last30Days = "Last 30 days",
        IdentityMerges = "Identity merges",
        BlockedMerges = count => string.Create(CultureInfo.InvariantCulture, $"{count:N0} blocked by a merge rule"),
        Quarantined = "Quarantined",
        RejectedIn30Days = count => string.Create(CultureInfo.InvariantCulture, $"{count:N0} rejected in the last 30 days"),
        PipelineLag = "Pipeline lag",
        CaughtUp = "Caught up",
        Seconds = seconds => string.Create(CultureInfo.InvariantCulture, $"{seconds:N0} s"),
        EventsWaiting = count => string.Create(CultureInfo.InvariantCulture, $"{count:N0} events waiting to be made into profiles"),
        EventsPerDay = "Events per day, last 30 days",
        EventsPerDayChart = (events, rejected) => string.Create(CultureInfo.InvariantCulture, $"Column chart of events per day over the last 30 days: {events:N0} accepted, {rejected:N0} rejected. The tables below give the figures."),
        DayColumn = (day, events, rejected) => string.Create(CultureInfo.InvariantCulture, $"{day}: {events:N0} events, {rejected:N0} rejected"),
        Accepted = "Accepted",
        RejectedHeader = "Rejected",
        BySource = "Events by source",
        ByType = "Events by type",
        NoTraffic = "No events in the last 30 days.",
        TopSegments = "Largest segments",
        ShareOfProfiles = "Share of all profiles",
        ShareOf = (name, percent) => $"{name}: {percent} of all profiles",
        SourcesTitle = "Sources",
        SourcesIntro = "Where the data comes from. Days and hours are UTC, by the time Sightline received each message. A write key stays hidden until you reveal it; every reveal is recorded in the audit trail.",
        NoSources = "No sources yet.",
        Kind = "Kind",
        WriteKey = "Write key",
        RevealKey = name => $"Reveal the write key of {name}",
        Reveal = "Reveal",
        KeyHidden = "hidden",
        EventsPerHour = "Events per hour, last 24 h",
        HourlyLine = (name, events) => string.Create(CultureInfo.InvariantCulture, $"{name}: {events:N0} events in the last 24 hours, per hour"),
        LastEvent = "Last event",
        Never = "never",
        QuarantineTitle = "Quarantine",
        QuarantineIntro = "Messages and import rows Sightline refused, with the field and the reason, kept so nothing is silently lost. Import rows can be replayed after a fix: with their import's own mapping, or with a fixed mapping given below. A message refused over HTTP is shown for its sender to fix and send again.",
        QuarantineEmpty = "Nothing in quarantine.",
        Waiting = "Waiting",
        Import = "Import",
        File = "File",
        Line = "Line",
        Received = "Received",
        Payload = "Payload",
        OverHttp = "sent over HTTP",
        Replay = "Replay",
        ReplayAll = count => string.Create(CultureInfo.InvariantCulture, $"Replay all {count:N0}"),
        FixedMapping = "Fixed mapping (optional): YAML or JSON, or preset:NAME",
        MappingHint = presets => $"Left empty, each row is mapped again with its import's own mapping. Presets: {presets}.",
        Replayed = (retried, imported, still) => string.Create(CultureInfo.InvariantCulture, $"Replayed {retried}: {imported} imported, {still} still quarantined."),
        ReplayFailed = reason => $"Nothing replayed: {reason}",
        OlderQuarantined = "Older entries",
        NewestQuarantined = "Newest entries",
        NotReplayable = "Only import rows can be replayed; the sender of a message refused over HTTP sends it again.",
        NavSegments = "Segments",
        SegmentsTitle = "Segments",
        SegmentsIntro = "Every saved segment with its members now and over the last 30 days; members enter and leave as events arrive.",
        NoSegments = "No segments yet.",
        NewSegment = "New segment",
        Segment = "Segment",
        Expression = "Expression",
        Size = "Members",
        Status = "Status",
        StatusName = status => status,
        Trend = "Last 30 days",
        TrendLabel = (from, to) => string.Create(CultureInfo.InvariantCulture, $"Members over the last 30 days: {from:N0} then, {to:N0} now"),
        SegmentDeleted = name => $"Segment \"{name}\" deleted.",
        SegmentNotFound = "No segment has this name.",
        EditSegmentTitle = name => $"Edit segment {name}",
        Edit = "Edit",
        Description = "Description",
        ExpressionHint = "Traits, computed traits, events, consents and other segments, as in country = \"ES\" and orders_90d >= 2. Problems show below with their line and column.",
        Preview = "Preview",
        Save = "Save",
        DeleteSegment = "Delete segment",
        Problems = "Problems",
        NoProblems = "No problems found.",
        Severity = error => error ? "error" : "warning",
        LineColumn = (line, column) => string.Create(CultureInfo.InvariantCulture, $"line {line}, column {column}"),
        ShowInText = "Show in the text",
        UseSuggestion = name => $"Use \"{name}\"",
        SizePreview = "Size preview",
        PreviewSize = (size, profiles) => string.Create(CultureInfo.InvariantCulture, $"{size:N0} of {profiles:N0} profiles match"),
        CheckedIn = ms => string.Create(CultureInfo.InvariantCulture, $"checked in {ms:0.#} ms"),
        SampleMembers = "Some members",
        PreviewUnavailable = "Profiles are still loading: the size preview is not available yet.",
        PreviewNeedsValid = "The size shows once the expression has no errors.",
        SegmentSaved = name => $"Segment \"{name}\" saved: its members are being evaluated.",
        NameTaken = name => $"A segment named \"{name}\" exists already.",
        CannotRename = (name, referrers) => $"Segment \"{name}\" cannot be renamed while {referrers} refer to it.",
        CannotDelete = (name, referrers) => $"Segment \"{name}\" cannot be deleted while {referrers} refer to it.",
        ExpressionRequired = "Write the segment's expression.",
        ExpressionHasErrors = "Not saved: the expression has errors (see Problems).",
        ReadOnlySegments = "Your role reads segments; the admin and segments roles change them.",
        Members = "Members",
        MemberSince = "Member since",
        TraitColumns = "Trait columns",
        TraitColumnsHint = "Trait names separated by commas, stored or computed: email, address.city, orders_90d.",
        Show = "Show",
        NoMembers = "No members.",
        NextMembers = "Next members",
        FirstMembers = "First members",
        ExportAudience = "Export the audience",
        ExportHint = "One row per member with the trait columns above. The download is recorded in the audit trail.",
        Format = "Format",
        OnlyGranted = "Only people who granted",
        Everyone = "(everyone)",
        Download = "Download",
        EntriesAndExits = "Entries and exits",
        Change = "Change",
        Entered = entered => entered ? "entered" : "left",
        NoEntries = "No entries or exits yet.",
        OlderEntries = "Older entries and exits",
        NewestEntries = "Newest entries and exits",
        InNoSegment = "In no segment now.",
        ComputedTraits = "Computed traits",
        ComputedTraitsHint = "Folded from the customer's events as they arrive; values as of now.",
        Definition = "Definition",
        NoValue = "(none)",
        AllTime = "all time",
        LastDays = days => string.Create(CultureInfo.InvariantCulture, $"last {days} days"),
    };

    public static readonly Texts Spanish = new()
    {
        Code = "es",
        LanguageName = "Español",
        SkipToContent = "Ir al contenido",
        MainNavigation = "Principal",
        NavSearch = "Buscar",
        NavMerges = "Revisión de fusiones",
        SignedInAs = "Sesión de",
        SignOut = "Cerrar sesión",
        Language = "Idioma",
        SignInTitle = "Iniciar sesión en Sightline",
        UserName = "Usuario",
        Password = "Contraseña",
        SignIn = "Entrar",
        SignInFailed = "Usuario o contraseña incorrectos.",
        SignInLocked = "Demasiados intentos fallidos: la cuenta queda bloqueada unos minutos.",
        SignedOut = "Ha cerrado la sesión.",
        SearchTitle = "Buscar un cliente",
        SearchLabel = "Nombre, correo, teléfono o cualquier identificador",
        SearchHint = "Se perdonan erratas y acentos: «jose garsia» encuentra a José García.",
        SearchButton = "Buscar",
        Results = (count, ms) => string.Create(CultureInfo.InvariantCulture, $"{count} resultados en {ms:0.#} ms"),
        Searchable = count => string.Create(CultureInfo.InvariantCulture, $"{count:N0} personas buscables por nombre, e-mail o teléfono; cualquier perfil, por un identificador exacto o su número."),
        NoResults = "Ningún cliente coincide.",
        Name = "Nombre",
        Email = "Correo",
        Phone = "Teléfono",
        City = "Ciudad",
        BirthDate = "Fecha de nacimiento",
        Address = "Dirección",
        Profile = "Perfil",
        IdentifierCount = "Identificadores",
        Unnamed = "(sin nombre)",
        CustomerTitle = id => $"Cliente {id}",
        NotFound = "Ningún perfil tiene este id.",
        Identity = "Identidad",
        Identities = "Identificadores y de dónde vino cada uno",
        Type = "Tipo",
        Value = "Valor",
        Source = "Origen",
        FirstSeen = "Visto por primera vez",
        Traits = "Atributos",
        TraitsHint = "El valor mostrado gana por tipo de origen, confianza y fecha; abra un atributo para ver su procedencia e historial.",
        Trait = "Atributo",
        Observed = "Observado",
        Trust = "Confianza",
        History = count => string.Create(CultureInfo.InvariantCulture, $"Historial ({count})"),
        ThirdParty = "de terceros",
        Consents = "Consentimientos",
        Purpose = "Finalidad",
        Granted = "concedido",
        Denied = "denegado",
        NoConsents = "Ningún consentimiento registrado.",
        Merges = "Fusiones",
        NoMerges = "Sin fusiones.",
        Merged = "fusionado",
        Blocked = "bloqueada",
        MergeLine = (from, into) => $"Perfil {from} en {into}",
        Via = "Por",
        Reason = "Motivo",
        Evidence = "Pruebas",
        Field = "Campo",
        Agreement = "Coincidencia",
        Weight = "Peso",
        Probability = p => string.Create(CultureInfo.InvariantCulture, $"{p * 100:0.#}% de probabilidad de ser la misma persona"),
        Unmerge = "Separar",
        Unmerged = from => $"El perfil {from} se ha separado; los perfiles se están reconstruyendo.",
        NothingToUnmerge = "Ese perfil no está fusionado en este.",
        Timeline = "Cronología",
        Any = "Cualquiera",
        Filter = "Filtrar",
        Older = "Eventos anteriores",
        Newest = "Eventos más recientes",
        NoEvents = "Sin eventos.",
        Time = "Hora",
        Event = "Evento",
        Details = "Detalles",
        MergesTitle = "Revisión de fusiones",
        MergesIntro = "Parejas de perfiles que probablemente son la misma persona. Aprobar las fusiona (separar lo deshace); rechazar las mantiene separadas para siempre.",
        NoSuggestions = "No hay nada que revisar.",
        Suggestion = id => string.Create(CultureInfo.InvariantCulture, $"Sugerencia {id}"),
        Approve = "Aprobar fusión",
        Reject = "Rechazar",
        Approved = id => string.Create(CultureInfo.InvariantCulture, $"Sugerencia {id} aprobada: los perfiles se están fusionando."),
        Rejected = id => string.Create(CultureInfo.InvariantCulture, $"Sugerencia {id} rechazada: los perfiles siguen separados."),
        AlreadyDecided = "Esa sugerencia ya estaba decidida.",
        Open = "Abrir",
        NavOverview = "Resumen",
        NavSources = "Orígenes",
        NavQuarantine = "Cuarentena",
        OverviewTitle = "Resumen",
        Updated = time => $"Cifras de {time}; se actualizan cada 30 segundos mientras la página está abierta.",
        PauseUpdates = "Pausar actualización",
        ResumeUpdates = "Reanudar actualización",
        Profiles = "Perfiles",
        Known = "Conocidos",
        Anonymous = "Anónimos",
        KnownShare = (known, anonymous) => string.Create(CultureInfo.InvariantCulture, $"{known:N0} perfiles conocidos (identificados por algo más que un id anónimo), {anonymous:N0} anónimos"),
        EventsToday = "Eventos hoy",
        Today = "Hoy",
        Last7Days = "Últimos 7 días",
        Last30Days = "Últimos 30 días",
        IdentityMerges = "Fusiones de identidad",
        BlockedMerges = count => string.Create(CultureInfo.InvariantCulture, $"{count:N0} bloqueadas por una regla de fusión"),
        Quarantined = "En cuarentena",
        RejectedIn30Days = count => string.Create(CultureInfo.InvariantCulture, $"{count:N0} rechazados en los últimos 30 días"),
        PipelineLag = "Retraso del proceso",
        CaughtUp = "Al día",
        Seconds = seconds => string.Create(CultureInfo.InvariantCulture, $"{seconds:N0} s"),
        EventsWaiting = count => string.Create(CultureInfo.InvariantCulture, $"{count:N0} eventos pendientes de integrar en perfiles"),
        EventsPerDay = "Eventos por día, últimos 30 días",
        EventsPerDayChart = (events, rejected) => string.Create(CultureInfo.InvariantCulture, $"Gráfico de columnas de eventos por día en los últimos 30 días: {events:N0} aceptados, {rejected:N0} rechazados. Las tablas siguientes dan las cifras."),
        DayColumn = (day, events, rejected) => string.Create(CultureInfo.InvariantCulture, $"{day}: {events:N0} eventos, {rejected:N0} rechazados"),
        Accepted = "Aceptados",
        RejectedHeader = "Rechazados",
        BySource = "Eventos por origen",
        ByType = "Eventos por tipo",
        NoTraffic = "Ningún evento en los últimos 30 días.",
        TopSegments = "Segmentos más grandes",
        ShareOfProfiles = "Parte de todos los perfiles",
        ShareOf = (name, percent) => $"{name}: {percent} de todos los perfiles",
        SourcesTitle = "Orígenes",
        SourcesIntro = "De dónde vienen los datos. Días y horas en UTC, según cuándo recibió Sightline cada mensaje. Una clave de escritura queda oculta hasta que la muestra; cada vez que se muestra queda registrado en la auditoría.",
        NoSources = "Aún no hay orígenes.",
        Kind = "Clase",
        WriteKey = "Clave de escritura",
        RevealKey = name => $"Mostrar la clave de escritura de {name}",
        Reveal = "Mostrar",
        KeyHidden = "oculta",
        EventsPerHour = "Eventos por hora, últimas 24 h",
        HourlyLine = (name, events) => string.Create(CultureInfo.InvariantCulture, $"{name}: {events:N0} eventos en las últimas 24 horas, por hora"),
        LastEvent = "Último evento",
        Never = "nunca",
        QuarantineTitle = "Cuarentena",
        QuarantineIntro = "Mensajes y filas de importación que Sightline rechazó, con el campo y el motivo, guardados para que nada se pierda sin avisar. Las filas de importación se pueden reprocesar tras corregir el problema: con el mapeo de su importación o con un mapeo corregido indicado abajo. Un mensaje rechazado por HTTP se muestra para que su emisor lo corrija y lo vuelva a enviar.",
        QuarantineEmpty = "Nada en cuarentena.",
        Waiting = "En espera",
        Import = "Importación",
        File = "Fichero",
        Line = "Línea",
        Received = "Recibido",
        Payload = "Contenido",
        OverHttp = "enviado por HTTP",
        Replay = "Reprocesar",
        ReplayAll = count => string.Create(CultureInfo.InvariantCulture, $"Reprocesar los {count:N0}"),
        FixedMapping = "Mapeo corregido (opcional): YAML o JSON, o preset:NOMBRE",
        MappingHint = presets => $"Si se deja vacío, cada fila se mapea de nuevo con el mapeo de su importación. Presets: {presets}.",
        Replayed = (retried, imported, still) => string.Create(CultureInfo.InvariantCulture, $"Reprocesadas {retried}: {imported} importadas, {still} siguen en cuarentena."),
        ReplayFailed = reason => $"No se reprocesó nada: {reason}",
        OlderQuarantined = "Entradas anteriores",
        NewestQuarantined = "Entradas más recientes",
        NotReplayable = "Solo se pueden reprocesar filas de importación; el emisor de un mensaje rechazado por HTTP lo vuelve a enviar.",
        NavSegments = "Segmentos",
        SegmentsTitle = "Segmentos",
        SegmentsIntro = "Cada segmento guardado con sus miembros de ahora y de los últimos 30 días; los miembros entran y salen según llegan los eventos.",
        NoSegments = "Aún no hay segmentos.",
        NewSegment = "Nuevo segmento",
        Segment = "Segmento",
        Expression = "Expresión",
        Size = "Miembros",
        Status = "Estado",
        StatusName = status => status == "live" ? "activo" : "evaluando",
        Trend = "Últimos 30 días",
        TrendLabel = (from, to) => string.Create(CultureInfo.InvariantCulture, $"Miembros en los últimos 30 días: {from:N0} entonces, {to:N0} ahora"),
        SegmentDeleted = name => $"Segmento «{name}» eliminado.",
        SegmentNotFound = "Ningún segmento tiene este nombre.",
        EditSegmentTitle = name => $"Editar el segmento {name}",
        Edit = "Editar",
        Description = "Descripción",
        ExpressionHint = "Atributos, atributos calculados, eventos, consentimientos y otros segmentos, como en country = \"ES\" and orders_90d >= 2. Los problemas aparecen debajo con su línea y columna.",
        Preview = "Vista previa",
        Save = "Guardar",
        DeleteSegment = "Eliminar segmento",
        Problems = "Problemas",
        NoProblems = "Sin problemas.",
        Severity = error => error ? "error" : "aviso",
        LineColumn = (line, column) => string.Create(CultureInfo.InvariantCulture, $"línea {line}, columna {column}"),
        ShowInText = "Mostrar en el texto",
        UseSuggestion = name => $"Usar «{name}»",
        SizePreview = "Tamaño previsto",
        PreviewSize = (size, profiles) => string.Create(CultureInfo.InvariantCulture, $"{size:N0} de {profiles:N0} perfiles coinciden"),
        CheckedIn = ms => string.Create(CultureInfo.InvariantCulture, $"calculado en {ms:0.#} ms"),
        SampleMembers = "Algunos miembros",
        PreviewUnavailable = "Los perfiles aún se están cargando: la vista previa no está disponible todavía.",
        PreviewNeedsValid = "El tamaño aparece cuando la expresión no tiene errores.",
        SegmentSaved = name => $"Segmento «{name}» guardado: se están evaluando sus miembros.",
        NameTaken = name => $"Ya existe un segmento llamado «{name}».",
        CannotRename = (name, referrers) => $"El segmento «{name}» no se puede renombrar mientras {referrers} lo usen.",
        CannotDelete = (name, referrers) => $"El segmento «{name}» no se puede eliminar mientras {referrers} lo usen.",
        ExpressionRequired = "Escriba la expresión del segmento.",
        ExpressionHasErrors = "No se ha guardado: la expresión tiene errores (vea Problemas).",
        ReadOnlySegments = "Su rol puede leer los segmentos; los roles admin y segments pueden cambiarlos.",
        Members = "Miembros",
        MemberSince = "Miembro desde",
        TraitColumns = "Columnas de atributos",
        TraitColumnsHint = "Nombres de atributos separados por comas, guardados o calculados: email, address.city, orders_90d.",
        Show = "Mostrar",
        NoMembers = "Sin miembros.",
        NextMembers = "Siguientes miembros",
        FirstMembers = "Primeros miembros",
        ExportAudience = "Exportar la audiencia",
        ExportHint = "Una fila por miembro con las columnas de atributos de arriba. La descarga queda registrada en la auditoría.",
        Format = "Formato",
        OnlyGranted = "Solo quienes concedieron",
        Everyone = "(todos)",
        Download = "Descargar",
        EntriesAndExits = "Altas y bajas",
        Change = "Cambio",
        Entered = entered => entered ? "entró" : "salió",
        NoEntries = "Aún no hay altas ni bajas.",
        OlderEntries = "Altas y bajas anteriores",
        NewestEntries = "Altas y bajas más recientes",
        InNoSegment = "Ahora no está en ningún segmento.",
        ComputedTraits = "Atributos calculados",
        ComputedTraitsHint = "Se calculan con los eventos del cliente según llegan; valores a día de hoy.",
        Definition = "Definición",
        NoValue = "(ninguno)",
        AllTime = "desde siempre",
        LastDays = days => string.Create(CultureInfo.InvariantCulture, $"últimos {days} días"),
    };

    public static readonly IReadOnlyList<Texts> All = [English, Spanish];
}
