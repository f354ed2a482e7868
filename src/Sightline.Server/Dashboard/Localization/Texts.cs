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
        Searchable = count => string.Create(CultureInfo.InvariantCulture, $"{count:N0} profiles searchable."),
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
        Searchable = count => string.Create(CultureInfo.InvariantCulture, $"{count:N0} perfiles en el índice."),
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
    };

    public static readonly IReadOnlyList<Texts> All = [English, Spanish];
}
