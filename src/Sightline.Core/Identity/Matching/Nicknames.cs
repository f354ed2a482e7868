namespace Sightline.Core.Identity.Matching;

/// <summary>
/// Given names and their nicknames and short forms, Spanish and English: Paco, Pancho and Curro are Francisco;
/// Pepe is José; Bill is William. A name may belong to several groups (Al is Albert, Alfred and Alan).
/// </summary>
internal static class Nicknames
{
    // Each line: forms of one name, folded (no accents); "+" joins a compound name ("jose+maria" is "José María").
    private static readonly string[] Groups =
    [
        // Spanish
        "francisco paco pancho curro fran frasco quico kiko cisco",
        "jose pepe pepito pepin",
        "jose+maria chema josema",
        "maria+jose marijose majo",
        "jose+antonio joseantonio josean",
        "jose+luis joselu",
        "dolores lola lolita loles",
        "concepcion concha conchita conchi",
        "manuel manolo manolito lolo manu",
        "ignacio nacho nachito inaki",
        "guadalupe lupe lupita",
        "rosario charo chayo",
        "mercedes merche meche",
        "antonio tono tonio toni tony",
        "enrique quique kike henry",
        "jesus chus chucho chuy",
        "rafael rafa rafi",
        "javier javi xavier",
        "alejandro alex ale jandro",
        "alejandra alex ale sandra",
        "fernando nando fer",
        "alberto beto albert",
        "roberto beto robert",
        "guillermo guille memo william",
        "eduardo edu lalo",
        "ricardo richi ricky",
        "gonzalo gonza chalo",
        "isabel isa chabela isabela elisabet elizabeth",
        "teresa tere maite",
        "maria+teresa maite mayte",
        "consuelo chelo",
        "asuncion chon sun",
        "montserrat montse",
        "margarita marga",
        "cristina cris tina",
        "patricia patri paty patty",
        "beatriz bea",
        "victoria vicky",
        "natalia nati",
        "susana susi",
        "pilar pili",
        "carmen carmela menchu",
        "ana anita",
        "juan juanito juanjo",
        "juan+jose juanjo",
        "luis lucho",
        "pedro perico",
        "santiago santi yago diego",
        "salvador salva chava",
        "sebastian sebas",
        "vicente chente",
        "agustin tin",
        "andres andy",
        "daniel dani",
        "carlos carlitos charly",
        "miguel miguelito mike",
        "emilio milo",
        "adolfo fito",
        "rodolfo rodo fito",
        "joaquin quino",
        "jorge coque george",
        "federico fede",
        "domingo mingo",
        "gregorio goyo",
        "anunciacion nuncia",
        "josefa pepa pepita fina",
        "francisca paca paquita pancha",
        "graciela chela",
        "amparo ampa",
        "inmaculada inma",
        "remedios reme",
        "encarnacion encarna",
        // English
        "william bill billy will willy liam",
        "robert bob bobby rob robbie bert",
        "richard dick rick ricky rich richie",
        "james jim jimmy jamie",
        "john jack johnny jon",
        "jonathan jon jonny",
        "joseph joe joey",
        "michael mike mikey mick mickey",
        "thomas tom tommy",
        "charles charlie chuck chas",
        "edward ed eddie ted teddy ned",
        "henry hank harry",
        "harold harry hal",
        "anthony tony",
        "christopher chris kit",
        "christine chris chrissy tina",
        "daniel dan danny",
        "david dave davy",
        "matthew matt",
        "andrew andy drew",
        "steven steve stevie stephen",
        "benjamin ben benny",
        "samuel sam sammy",
        "samantha sam sammy",
        "alexander alex al sandy",
        "alexandra alex sandra sandy",
        "albert al bert bertie",
        "alfred al alf fred freddie",
        "alan al allen allan",
        "frederick fred freddie fritz",
        "lawrence larry laurie",
        "gerald gerry jerry",
        "jerome jerry",
        "patrick pat paddy",
        "patricia pat patty trish tricia",
        "peter pete",
        "philip phil",
        "raymond ray",
        "ronald ron ronnie",
        "donald don donnie",
        "kenneth ken kenny",
        "timothy tim timmy",
        "nicholas nick nicky",
        "gregory greg",
        "jeffrey jeff",
        "leonard leo len lenny",
        "douglas doug",
        "elizabeth liz lizzie beth betty betsy eliza libby",
        "margaret maggie meg peggy marge madge",
        "katherine kate katie kathy kat catherine kathryn",
        "jennifer jen jenny",
        "rebecca becky becca",
        "susan sue susie",
        "deborah deb debbie",
        "barbara barb babs",
        "dorothy dot dottie",
        "abigail abby",
        "victoria vicky tori",
        "jessica jess jessie",
        "kimberly kim",
        "pamela pam",
        "judith judy",
        "cynthia cindy",
        "theresa terry tess tessa",
        "virginia ginny",
        "angela angie",
        "melissa mel missy",
        "stephanie steph",
        "nathaniel nate nat",
        "nathan nate",
        "zachary zach zack",
        "joshua josh",
        "gabriel gabe",
        "isaac ike",
        "walter walt wally",
        "eugene gene",
        "vincent vince vinny",
        "terence terry",
        "francis frank frankie",
        "franklin frank",
        "frances fran frannie",
        "louis lou",
        "louise lou",
        "lucas luke",
        "sandra sandy",
        "valerie val",
        "eleanor ellie nora",
        "helen nell",
        "mary molly polly mae",
        "ann anne annie nancy",
    ];

    private static readonly Dictionary<string, int[]> GroupsOf = Build();

    /// <summary>The groups a folded given name belongs to (empty when none).</summary>
    public static int[] Of(string? folded) => folded is not null && GroupsOf.TryGetValue(folded, out var groups) ? groups : [];

    /// <summary>The sorted groups of either sorted list, each once.</summary>
    public static int[] Union(int[] a, int[] b)
    {
        if (b.Length == 0 || a == b)
        {
            return a;
        }

        if (a.Length == 0)
        {
            return b;
        }

        var union = new List<int>(a.Length + b.Length);
        int i = 0, j = 0;
        while (i < a.Length || j < b.Length)
        {
            var next = j == b.Length || (i < a.Length && a[i] <= b[j]) ? a[i] : b[j];
            union.Add(next);
            while (i < a.Length && a[i] == next)
            {
                i++;
            }

            while (j < b.Length && b[j] == next)
            {
                j++;
            }
        }

        return [.. union];
    }

    /// <summary>True when the two sorted group lists (a group number per character, as a prepared record holds them) share a group.</summary>
    public static bool Share(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                return true;
            }

            if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return false;
    }

    private static Dictionary<string, int[]> Build()
    {
        var groups = new Dictionary<string, SortedSet<int>>(StringComparer.Ordinal);
        for (var g = 0; g < Groups.Length; g++)
        {
            foreach (var name in Groups[g].Split(' ').Select(w => w.Replace('+', ' ')))
            {
                if (!groups.TryGetValue(name, out var set))
                {
                    groups[name] = set = [];
                }

                set.Add(g);
            }
        }

        return groups.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
    }
}
