namespace Sightline.Cli.Demo;

/// <summary>
/// Where the demo retailer's customers live. Lists run from the most to the least common name, because the generator
/// draws them with Zipf-like weights: a few names are everywhere, as in a real customer base, and that is what makes
/// namesakes and near-duplicates hard.
/// </summary>
internal static class Countries
{
    private static readonly string[] SpanishMale =
    [
        "Antonio", "José", "Manuel", "Francisco", "David", "Juan", "Javier", "José Antonio", "Daniel", "José Luis",
        "Francisco Javier", "Carlos", "Jesús", "Alejandro", "Miguel", "José Manuel", "Rafael", "Pablo", "Pedro", "Ángel",
        "Sergio", "José María", "Fernando", "Jorge", "Luis", "Alberto", "Juan Carlos", "Álvaro", "Adrián", "Juan José",
        "Diego", "Raúl", "Enrique", "Ignacio", "Iván", "Rubén", "Óscar", "Andrés", "Vicente", "Joaquín", "Santiago",
        "Mario", "Víctor", "Eduardo", "Roberto", "Jaime", "Marcos", "Hugo", "Guillermo", "Iñaki", "Jordi", "Xabier",
    ];

    private static readonly string[] SpanishFemale =
    [
        "María Carmen", "María", "Carmen", "Ana María", "Laura", "María Pilar", "Josefa", "Isabel", "María Dolores",
        "Lucía", "Cristina", "Marta", "María José", "Francisca", "Antonia", "Dolores", "Sara", "Paula", "Elena",
        "Pilar", "Raquel", "Rosa María", "Mercedes", "Manuela", "Concepción", "Beatriz", "Nuria", "Silvia", "Julia",
        "Rosario", "Teresa", "Alba", "Irene", "Patricia", "Montserrat", "Andrea", "Rocío", "Mónica", "María del Carmen",
        "Alicia", "María Teresa", "Sonia", "Marina", "Encarnación", "Inmaculada", "Noelia", "Nerea", "Ainhoa", "Lorena",
    ];

    private static readonly string[] SpanishSurnames =
    [
        "García", "Rodríguez", "González", "Fernández", "López", "Martínez", "Sánchez", "Pérez", "Gómez", "Martín",
        "Jiménez", "Ruiz", "Hernández", "Díaz", "Moreno", "Muñoz", "Álvarez", "Romero", "Alonso", "Gutiérrez",
        "Navarro", "Torres", "Domínguez", "Vázquez", "Ramos", "Gil", "Ramírez", "Serrano", "Blanco", "Molina",
        "Morales", "Suárez", "Ortega", "Delgado", "Castro", "Ortiz", "Rubio", "Marín", "Sanz", "Núñez", "Iglesias",
        "Medina", "Garrido", "Cortés", "Castillo", "Santos", "Lozano", "Guerrero", "Cano", "Prieto", "Méndez", "Cruz",
        "Calvo", "Gallego", "Vidal", "León", "Márquez", "Herrera", "Peña", "Flores", "Cabrera", "Campos", "Vega",
        "Fuentes", "Carrasco", "Díez", "Caballero", "Reyes", "Nieto", "Aguilar", "Pascual", "Santana", "Herrero",
        "Montero", "Lorenzo", "Hidalgo", "Giménez", "Ibáñez", "Ferrer", "Durán", "Santiago", "Benítez", "Mora",
        "Vicente", "Vargas", "Arias", "Carmona", "Crespo", "Román", "Pastor", "Soto", "Sáez", "Velasco", "Moya",
        "Soler", "Parra", "Esteban", "Bravo", "Gallardo", "Rojas", "de la Fuente", "del Río", "Pardo", "Aguirre",
        "Echeverría", "Goikoetxea", "Puig", "Vilanova", "Casals", "Olmedo", "Zamora", "Quintana", "Barrios", "Arroyo",
    ];

    private static readonly string[] MexicanMale =
    [
        "José", "Juan", "Luis", "Carlos", "Jorge", "Miguel Ángel", "José Luis", "Francisco", "Alejandro", "Juan Carlos",
        "Jesús", "Ricardo", "Eduardo", "Fernando", "Roberto", "Alberto", "Guillermo", "Luis Fernando", "Juan Pablo",
        "Santiago", "Mateo", "Diego", "Emiliano", "Rodrigo", "Héctor", "Arturo", "Raúl", "Sergio", "Óscar", "Armando",
    ];

    private static readonly string[] MexicanFemale =
    [
        "María Guadalupe", "Guadalupe", "María", "Juana", "Verónica", "María Fernanda", "Patricia", "Alejandra",
        "Gabriela", "Ximena", "Sofía", "Valentina", "Camila", "Daniela", "Mariana", "Leticia", "Rosa María", "Adriana",
        "Claudia", "Araceli", "Itzel", "Fernanda", "Andrea", "Lucía", "Elena", "Margarita", "Teresa", "Yolanda",
    ];

    private static readonly string[] MexicanSurnames =
    [
        "Hernández", "García", "Martínez", "López", "González", "Pérez", "Rodríguez", "Sánchez", "Ramírez", "Cruz",
        "Flores", "Gómez", "Morales", "Vázquez", "Reyes", "Jiménez", "Torres", "Díaz", "Gutiérrez", "Ruiz", "Mendoza",
        "Aguilar", "Ortiz", "Moreno", "Castillo", "Romero", "Álvarez", "Méndez", "Chávez", "Rivera", "Juárez",
        "Ramos", "Domínguez", "Herrera", "Medina", "Castro", "Vargas", "Guzmán", "Velázquez", "Salazar", "Rojas",
        "Contreras", "Luna", "Ríos", "Ortega", "Cervantes", "Delgado", "Estrada", "Navarro", "Solís", "Zúñiga",
    ];

    private static readonly string[] ArgentineMale =
    [
        "Juan", "Carlos", "Jorge", "Luis", "Juan Pablo", "Martín", "Santiago", "Facundo", "Agustín", "Matías", "Nicolás",
        "Lucas", "Gonzalo", "Federico", "Pablo", "Diego", "Alejandro", "Sebastián", "Julián", "Ignacio", "Tomás",
    ];

    private static readonly string[] ArgentineFemale =
    [
        "María", "Florencia", "Micaela", "Camila", "Lucía", "Sofía", "Agustina", "Julieta", "Valentina", "Carolina",
        "Daniela", "Paula", "Romina", "Natalia", "Gabriela", "Silvina", "Mariela", "Graciela", "Victoria", "Luciana",
    ];

    private static readonly string[] ArgentineSurnames =
    [
        "González", "Rodríguez", "Gómez", "Fernández", "López", "Díaz", "Martínez", "Pérez", "García", "Sánchez",
        "Romero", "Sosa", "Álvarez", "Torres", "Ruiz", "Ramírez", "Flores", "Acosta", "Benítez", "Medina", "Herrera",
        "Suárez", "Aguirre", "Pereyra", "Gutiérrez", "Giménez", "Molina", "Silva", "Castro", "Rojas", "Ortiz",
        "Rossi", "Ferrari", "Russo", "Bianchi", "Costa", "Romano", "Colombo", "Greco",
    ];

    private static readonly string[] ColombianMale =
    [
        "Juan David", "Juan Sebastián", "Andrés Felipe", "Carlos Andrés", "Juan Camilo", "Santiago", "Luis Carlos",
        "Jorge Enrique", "Alejandro", "Daniel", "Sebastián", "Camilo", "Mateo", "Nicolás", "Julián", "Óscar", "Mauricio",
    ];

    private static readonly string[] ColombianFemale =
    [
        "María Camila", "Laura", "Valentina", "Daniela", "María Alejandra", "Natalia", "Paula Andrea", "Luisa Fernanda",
        "Diana", "Catalina", "Juliana", "Sara", "Isabella", "Ana María", "Carolina", "Marcela", "Ángela", "Claudia",
    ];

    private static readonly string[] ColombianSurnames =
    [
        "Rodríguez", "Gómez", "González", "Martínez", "García", "López", "Hernández", "Sánchez", "Ramírez", "Pérez",
        "Díaz", "Muñoz", "Rojas", "Moreno", "Jiménez", "Torres", "Vargas", "Castro", "Ortiz", "Gutiérrez", "Ospina",
        "Restrepo", "Cárdenas", "Zapata", "Londoño", "Gaviria", "Quintero", "Mejía", "Salazar", "Cardona", "Arango",
    ];

    private static readonly string[] ChileanMale =
    [
        "José", "Juan", "Luis", "Carlos", "Jorge", "Cristián", "Felipe", "Sebastián", "Matías", "Benjamín", "Vicente",
        "Francisco", "Rodrigo", "Gonzalo", "Patricio", "Claudio", "Marcelo", "Ignacio", "Tomás", "Agustín",
    ];

    private static readonly string[] ChileanFemale =
    [
        "María José", "Javiera", "Constanza", "Catalina", "Francisca", "Valentina", "Fernanda", "Camila", "Daniela",
        "Carolina", "Paulina", "Macarena", "Antonia", "Josefa", "Isidora", "Bárbara", "Claudia", "Marcela",
    ];

    private static readonly string[] ChileanSurnames =
    [
        "González", "Muñoz", "Rojas", "Díaz", "Pérez", "Soto", "Contreras", "Silva", "Martínez", "Sepúlveda",
        "Morales", "Rodríguez", "López", "Araya", "Fuentes", "Hernández", "Torres", "Espinoza", "Flores", "Castillo",
        "Valenzuela", "Ramírez", "Reyes", "Gutiérrez", "Castro", "Vargas", "Álvarez", "Vásquez", "Tapia", "Fernández",
    ];

    private static readonly string[] EnglishMale =
    [
        "James", "Michael", "Robert", "John", "David", "William", "Richard", "Joseph", "Thomas", "Christopher",
        "Charles", "Daniel", "Matthew", "Anthony", "Mark", "Steven", "Andrew", "Joshua", "Kevin", "Brian", "Ryan",
        "Jacob", "Ethan", "Tyler", "Jose", "Luis", "Carlos", "Juan",
    ];

    private static readonly string[] EnglishFemale =
    [
        "Mary", "Patricia", "Jennifer", "Linda", "Elizabeth", "Barbara", "Susan", "Jessica", "Sarah", "Karen",
        "Lisa", "Nancy", "Margaret", "Ashley", "Emily", "Katherine", "Michelle", "Amanda", "Melissa", "Rebecca",
        "Megan", "Hannah", "Olivia", "Maria", "Guadalupe", "Rosa",
    ];

    private static readonly string[] EnglishSurnames =
    [
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
        "Hernandez", "Lopez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Thompson",
        "White", "Harris", "Clark", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Hill",
        "Green", "Adams", "Baker", "Nelson", "Carter", "Mitchell", "Roberts", "Turner", "Phillips", "Campbell", "Parker",
        "Evans", "Edwards", "Collins", "Stewart", "Murphy", "Cook", "Rogers", "Morgan", "Cooper", "Peterson", "Reed",
        "Bailey", "Kelly", "Howard", "O'Brien", "Sullivan", "Nguyen", "Kim", "Patel", "Rivera", "Gonzalez", "Flores",
    ];

    public static readonly Country Spain = new(
        "ES", ["España", "ES", "Spain", "ESP", "españa"], "34", "EUR", TwoSurnames: true,
        [
            new("Madrid", 28001, 28055, "00000", "91", "MAD-01"),
            new("Barcelona", 8001, 8042, "00000", "93", "BCN-01"),
            new("Valencia", 46001, 46026, "00000", "96", "VAL-01"),
            new("Sevilla", 41001, 41020, "00000", "954", "SEV-01"),
            new("Málaga", 29001, 29018, "00000", "952", "MAL-01"),
            new("Bilbao", 48001, 48015, "00000", "944", "BIO-01"),
            new("Zaragoza", 50001, 50018, "00000", "976", "ZAR-01"),
            new("Valladolid", 47001, 47014, "00000", "983"),
            new("Salamanca", 37001, 37008, "00000", "923"),
            new("Murcia", 30001, 30012, "00000", "968"),
            new("Palma", 7001, 7015, "00000", "971"),
            new("A Coruña", 15001, 15011, "00000", "981"),
            new("Granada", 18001, 18015, "00000", "958"),
            new("Alicante", 3001, 3016, "00000", "965"),
        ],
        [
            "Calle Mayor", "Calle de Alcalá", "Avenida de la Constitución", "Calle Real", "Gran Vía", "Calle del Carmen",
            "Avenida de América", "Calle Luna", "Calle Ancha", "Calle Nueva", "Carrer de Mallorca", "Carrer de Balmes",
            "Calle de Toledo", "Calle del Sol", "Avenida de Andalucía", "Calle San Fernando", "Paseo de la Estación",
            "Calle Cervantes", "Calle de la Paz", "Avenida del Puerto", "Calle Santa Clara", "Calle Colón",
        ],
        ["gmail.com", "hotmail.com", "gmail.com", "yahoo.es", "outlook.com", "hotmail.es", "telefonica.net", "icloud.com"],
        SpanishMale,
        SpanishFemale,
        SpanishSurnames);

    public static readonly Country Mexico = new(
        "MX", ["México", "MX", "Mexico", "MEX"], "52", "MXN", TwoSurnames: true,
        [
            new("Ciudad de México", 1000, 16999, "00000", "55"),
            new("Guadalajara", 44100, 44990, "00000", "33"),
            new("Monterrey", 64000, 64990, "00000", "81"),
            new("Puebla", 72000, 72590, "00000", "222"),
        ],
        [
            "Av. Insurgentes Sur", "Calle Durango", "Av. Reforma", "Calle Ámsterdam", "Av. Chapultepec", "Calle Morelos",
            "Av. Juárez", "Calle Hidalgo", "Av. Vallarta", "Calle Zaragoza", "Av. Revolución",
        ],
        ["gmail.com", "hotmail.com", "outlook.com", "prodigy.net.mx", "yahoo.com.mx", "gmail.com"],
        MexicanMale,
        MexicanFemale,
        MexicanSurnames);

    public static readonly Country Argentina = new(
        "AR", ["Argentina", "AR", "ARG"], "54", "ARS", TwoSurnames: false,
        [
            new("Buenos Aires", 1000, 1499, "0000", "11"),
            new("Córdoba", 5000, 5020, "0000", "351"),
            new("Rosario", 2000, 2013, "0000", "341"),
        ],
        ["Av. Corrientes", "Av. Santa Fe", "Defensa", "Av. Rivadavia", "Thames", "Av. Cabildo", "Av. Colón", "Bv. Oroño"],
        ["gmail.com", "hotmail.com", "yahoo.com.ar", "fibertel.com.ar", "outlook.com"],
        ArgentineMale,
        ArgentineFemale,
        ArgentineSurnames);

    public static readonly Country Colombia = new(
        "CO", ["Colombia", "CO", "COL"], "57", "COP", TwoSurnames: true,
        [
            new("Bogotá", 110111, 111711, "000000", "601"),
            new("Medellín", 50001, 50040, "000000", "604"),
            new("Cali", 760001, 760046, "000000", "602"),
        ],
        ["Calle 93", "Carrera 7", "Calle 10", "Avenida 19", "Carrera 43A", "Calle 5", "Carrera 15"],
        ["gmail.com", "hotmail.com", "outlook.com", "une.net.co", "yahoo.com"],
        ColombianMale,
        ColombianFemale,
        ColombianSurnames);

    public static readonly Country Chile = new(
        "CL", ["Chile", "CL", "CHL"], "56", "CLP", TwoSurnames: true,
        [
            new("Santiago", 7500000, 8320000, "0000000", "22"),
            new("Valparaíso", 2340000, 2390000, "0000000", "322"),
            new("Concepción", 4030000, 4100000, "0000000", "412"),
        ],
        ["Av. Providencia", "Av. Apoquindo", "Merced", "Av. Irarrázaval", "Av. Brasil", "Los Carrera"],
        ["gmail.com", "hotmail.com", "vtr.net", "outlook.com"],
        ChileanMale,
        ChileanFemale,
        ChileanSurnames);

    public static readonly Country UnitedStates = new(
        "US", ["United States", "US", "USA", "Estados Unidos"], "1", "USD", TwoSurnames: false,
        [
            new("New York", 10001, 10040, "00000", "212"),
            new("Miami", 33125, 33199, "00000", "305"),
            new("Houston", 77002, 77099, "00000", "713"),
            new("Los Angeles", 90001, 90089, "00000", "323"),
            new("Chicago", 60601, 60661, "00000", "312"),
        ],
        ["Market St", "Broadway", "W 4th St", "Brickell Ave", "Main St", "Elm Street", "Oak Ave", "Washington Blvd", "Maple Dr"],
        ["gmail.com", "yahoo.com", "outlook.com", "icloud.com", "aol.com", "comcast.net", "gmail.com"],
        EnglishMale,
        EnglishFemale,
        EnglishSurnames);

    /// <summary>Countries with the share of customers living there (they add up to 1).</summary>
    public static readonly (Country Country, double Share)[] All =
        [(Spain, 0.52), (Mexico, 0.13), (UnitedStates, 0.16), (Argentina, 0.07), (Colombia, 0.07), (Chile, 0.05)];

    /// <summary>Latin American countries, whose emigrants are a share of Spain's customers.</summary>
    public static readonly Country[] LatinAmerica = [Mexico, Argentina, Colombia, Chile];
}
