namespace Sightline.Matching.Synthetic;

/// <summary>The United Kingdom: one surname, nicknames, postcode areas.</summary>
internal static class EnglishLocale
{
    public static Locale Create() => new()
    {
        Spanish = false,
        GivenNames =
        [
            "James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael", "Linda", "William", "Elizabeth",
            "David", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Charles", "Karen",
            "Christopher", "Lisa", "Daniel", "Nancy", "Matthew", "Margaret", "Anthony", "Sandra", "Mark", "Emily",
            "Steven", "Michelle", "Paul", "Amanda", "Andrew", "Dorothy", "Joshua", "Melissa", "Kenneth", "Deborah",
            "Kevin", "Stephanie", "Brian", "Rebecca", "George", "Sharon", "Timothy", "Laura", "Edward", "Kathleen",
            "Jason", "Amy", "Jeffrey", "Angela", "Ryan", "Anna", "Jacob", "Pamela", "Gary", "Emma",
            "Nicholas", "Nicole", "Jonathan", "Helen", "Stephen", "Samantha", "Scott", "Katherine", "Benjamin", "Christine",
            "Samuel", "Rachel", "Gregory", "Catherine", "Alexander", "Janet", "Patrick", "Ruth", "Frank", "Heather",
            "Raymond", "Olivia", "Jack", "Amelia", "Dennis", "Isla", "Peter", "Ava", "Harry", "Mia",
            "Oliver", "Isabella", "Charlie", "Sophie", "Alfie", "Grace", "Henry", "Lily", "Leo", "Freya",
            "Arthur", "Charlotte", "Oscar", "Victoria", "Theodore", "Hannah", "Freddie", "Abigail", "Archie", "Lucy",
            "Lewis", "Chloe", "Callum", "Megan", "Liam", "Eleanor", "Connor", "Alice", "Frederick", "Ellie",
            "Hamish", "Siobhan", "Rhys", "Bethan", "Dylan", "Niamh", "Aidan", "Aisling", "Mohammed", "Aisha",
        ],
        Surnames =
        [
            "Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Thomas", "Johnson",
            "Roberts", "Robinson", "Thompson", "Wright", "Walker", "White", "Edwards", "Hughes", "Green", "Hall",
            "Lewis", "Harris", "Clarke", "Patel", "Jackson", "Wood", "Turner", "Martin", "Cooper", "Hill",
            "Ward", "Morris", "Moore", "Clark", "Lee", "King", "Baker", "Harrison", "Morgan", "Allen",
            "James", "Scott", "Phillips", "Watson", "Davis", "Parker", "Price", "Bennett", "Young", "Griffiths",
            "Mitchell", "Kelly", "Cook", "Carter", "Richardson", "Bailey", "Collins", "Bell", "Shaw", "Murphy",
            "Miller", "Cox", "Richards", "Khan", "Marshall", "Anderson", "Simpson", "Ellis", "Adams", "Singh",
            "Begum", "Wilkinson", "Foster", "Chapman", "Powell", "Webb", "Rogers", "Gray", "Mason", "Ali",
            "Hunt", "Hussain", "Campbell", "Matthews", "Owen", "Palmer", "Holmes", "Mills", "Barnes", "Knight",
            "Lloyd", "Butler", "Russell", "Barker", "Fisher", "Stevens", "Jenkins", "Murray", "Dixon", "Harvey",
            "Graham", "Pearson", "Ahmed", "Fletcher", "Walsh", "Kaur", "Gibson", "Howard", "Andrews", "Stewart",
            "Elliott", "Reynolds", "Saunders", "Payne", "Fox", "Ford", "Pearce", "Day", "Brooks", "West",
            "O'Brien", "O'Connor", "McDonald", "MacLeod", "Fitzgerald", "Ramsbottom", "Featherstonehaugh", "Worthington", "Ashworth", "Cholmondeley",
        ],
        // British surnames have a long tail: the hundred most common cover only about a fifth of the people.
        RareSurnameShare = 0.6,
        SurnameStarts =
        [
            "Ash", "Black", "Brad", "Brook", "Cald", "Craw", "Dun", "Fair", "Gold", "Hart", "Holl", "Kings", "Lang", "Mar", "Mor", "North",
            "Pen", "Rad", "Red", "Ring", "Shel", "Stan", "Stock", "Thorn", "Wake", "Went", "Whit", "Wood", "Ald", "Bur", "Cart", "Brom",
            "Hay", "Lind", "Rams", "Win",
        ],
        SurnameEnds =
        [
            "ford", "ley", "ton", "worth", "wood", "field", "man", "son", "by", "well", "ham", "stead", "more", "ridge", "brook",
            "dale", "er", "ing", "shaw", "cott", "hurst", "wick", "land", "bury", "combe", "den", "low", "thorpe", "ward", "gate",
        ],
        Nicknames = new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["William"] = ["Bill", "Will", "Billy"], ["Robert"] = ["Bob", "Rob", "Bobby"], ["James"] = ["Jim", "Jimmy", "Jamie"],
            ["John"] = ["Jack", "Johnny"], ["Michael"] = ["Mike", "Mick"], ["Richard"] = ["Rick", "Dick", "Richie"], ["Joseph"] = ["Joe"],
            ["Thomas"] = ["Tom", "Tommy"], ["Charles"] = ["Charlie", "Chuck"], ["Christopher"] = ["Chris"], ["Daniel"] = ["Dan", "Danny"],
            ["Matthew"] = ["Matt"], ["Anthony"] = ["Tony"], ["Steven"] = ["Steve"], ["Andrew"] = ["Andy", "Drew"], ["Kenneth"] = ["Ken", "Kenny"],
            ["Edward"] = ["Ed", "Eddie", "Ted"], ["Jeffrey"] = ["Jeff"], ["Nicholas"] = ["Nick"], ["Jonathan"] = ["Jon"], ["Stephen"] = ["Steve"],
            ["Benjamin"] = ["Ben"], ["Samuel"] = ["Sam", "Sammy"], ["Gregory"] = ["Greg"], ["Alexander"] = ["Alex", "Sandy"], ["Patrick"] = ["Pat", "Paddy"],
            ["Raymond"] = ["Ray"], ["Peter"] = ["Pete"], ["Henry"] = ["Harry", "Hank"], ["Theodore"] = ["Theo", "Ted"], ["Frederick"] = ["Fred", "Freddie"],
            ["Elizabeth"] = ["Liz", "Beth", "Betty", "Lizzie"], ["Margaret"] = ["Maggie", "Peggy", "Meg"], ["Patricia"] = ["Pat", "Trish"],
            ["Jennifer"] = ["Jen", "Jenny"], ["Susan"] = ["Sue", "Suzy"], ["Jessica"] = ["Jess"], ["Katherine"] = ["Kate", "Kathy", "Katie"],
            ["Catherine"] = ["Cathy", "Kate"], ["Rebecca"] = ["Becky", "Becca"], ["Deborah"] = ["Debbie", "Deb"], ["Samantha"] = ["Sam"],
            ["Stephanie"] = ["Steph"], ["Pamela"] = ["Pam"], ["Christine"] = ["Chris", "Chrissy"], ["Victoria"] = ["Vicky", "Tori"],
            ["Abigail"] = ["Abby"], ["Eleanor"] = ["Ellie", "Nell"], ["Dorothy"] = ["Dot", "Dottie"], ["Isabella"] = ["Bella", "Izzy"],
            ["Amanda"] = ["Mandy"], ["Kathleen"] = ["Kathy"], ["Nicole"] = ["Nikki"], ["Charlotte"] = ["Lottie"], ["Timothy"] = ["Tim"],
            ["Jacob"] = ["Jake"], ["Mohammed"] = ["Mohammad", "Muhammad"],
        },
        Cities =
        [
            ("London", "SW"), ("Birmingham", "B"), ("Manchester", "M"), ("Leeds", "LS"), ("Glasgow", "G"), ("Sheffield", "S"),
            ("Bradford", "BD"), ("Liverpool", "L"), ("Edinburgh", "EH"), ("Bristol", "BS"), ("Cardiff", "CF"), ("Leicester", "LE"),
            ("Coventry", "CV"), ("Nottingham", "NG"), ("Newcastle upon Tyne", "NE"), ("Belfast", "BT"), ("Brighton", "BN"), ("Hull", "HU"),
            ("Plymouth", "PL"), ("Stoke-on-Trent", "ST"), ("Wolverhampton", "WV"), ("Derby", "DE"), ("Southampton", "SO"), ("Portsmouth", "PO"),
            ("Aberdeen", "AB"), ("Norwich", "NR"), ("Oxford", "OX"), ("Cambridge", "CB"), ("York", "YO"), ("Exeter", "EX"), ("Swansea", "SA"),
            ("Reading", "RG"), ("Bath", "BA"), ("Preston", "PR"), ("Sunderland", "SR"), ("Milton Keynes", "MK"), ("Northampton", "NN"),
            ("Luton", "LU"), ("Dundee", "DD"), ("Ipswich", "IP"), ("Peterborough", "PE"), ("Bolton", "BL"), ("Middlesbrough", "TS"),
            ("Huddersfield", "HD"), ("Blackpool", "FY"), ("Inverness", "IV"), ("Carlisle", "CA"), ("Lincoln", "LN"), ("Truro", "TR"),
        ],
        StreetNames =
        [
            "High", "Station", "Church", "Park", "Victoria", "Green", "Manor", "Kings", "Queens", "New", "Mill", "School",
            "London", "York", "Albert", "Grange", "Windsor", "Springfield", "Highfield", "Oak", "Cedar", "Chestnut", "Beech",
            "Elm", "Meadow", "North", "South", "West", "Richmond", "Stanley", "Broad", "Bridge", "Mount", "George", "Orchard",
        ],
        StreetTypes = [("Road", "Rd"), ("Street", "St"), ("Lane", "Ln"), ("Avenue", "Ave"), ("Close", "Cl"), ("Drive", "Dr"), ("Crescent", "Cres"), ("Gardens", "Gdns")],
        EmailDomains = ["gmail.com", "hotmail.co.uk", "yahoo.co.uk", "outlook.com", "btinternet.com", "icloud.com", "sky.com", "live.co.uk"],
    };
}
