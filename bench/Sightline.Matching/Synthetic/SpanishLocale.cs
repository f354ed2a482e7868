namespace Sightline.Matching.Synthetic;

/// <summary>Spain: frequencies after INE's name statistics, roughly; two surnames per person.</summary>
internal static class SpanishLocale
{
    public static Locale Create() => new()
    {
        Spanish = true,
        GivenNames =
        [
            "Antonio", "María Carmen", "José", "María", "Manuel", "Carmen", "Francisco", "Ana María", "David", "Laura",
            "Juan", "María Pilar", "Javier", "Josefa", "Daniel", "Isabel", "José Antonio", "María Dolores", "Francisco Javier", "Ana",
            "José Luis", "María Teresa", "Carlos", "Lucía", "Jesús", "Cristina", "Alejandro", "Marta", "Miguel", "María José",
            "José Manuel", "Francisca", "Rafael", "Antonia", "Pedro", "Dolores", "Ángel", "Sara", "Pablo", "Paula",
            "Miguel Ángel", "Elena", "Sergio", "María Luisa", "José María", "Raquel", "Fernando", "Rosa María", "Jorge", "Pilar",
            "Luis", "Concepción", "Alberto", "Manuela", "Juan Carlos", "Mercedes", "Álvaro", "Julia", "Adrián", "Beatriz",
            "Juan José", "Nuria", "Diego", "Silvia", "Raúl", "Irene", "Enrique", "Rosario", "Ramón", "Juana",
            "Iván", "Alba", "Rubén", "Teresa", "Vicente", "Encarnación", "Óscar", "Patricia", "Andrés", "Montserrat",
            "Joaquín", "Andrea", "Santiago", "Rocío", "Víctor", "Mónica", "Eduardo", "Rosa", "Mario", "Alicia",
            "Roberto", "Sonia", "Jaime", "Sandra", "Ignacio", "Marina", "Alfonso", "Inmaculada", "Marcos", "Sofía",
            "Hugo", "Martina", "Salvador", "Noelia", "Ricardo", "Natalia", "Emilio", "Claudia", "Gabriel", "Carla",
            "Guillermo", "Eva", "Julián", "Ainhoa", "Tomás", "Nerea", "Agustín", "Lorena", "Gonzalo", "Esther",
            "Lucas", "Verónica", "Nicolás", "Ángela", "Martín", "Inés", "Mateo", "Yolanda", "Iker", "Amparo",
            "Héctor", "Consuelo", "Samuel", "Guadalupe", "Aitor", "María Isabel", "Unai", "María Ángeles",
        ],
        Surnames =
        [
            "García", "Rodríguez", "González", "Fernández", "López", "Martínez", "Sánchez", "Pérez", "Gómez", "Martín",
            "Jiménez", "Hernández", "Ruiz", "Díaz", "Moreno", "Muñoz", "Álvarez", "Romero", "Gutiérrez", "Alonso",
            "Navarro", "Torres", "Domínguez", "Ramos", "Vázquez", "Ramírez", "Gil", "Serrano", "Morales", "Molina",
            "Blanco", "Suárez", "Castro", "Ortega", "Delgado", "Ortiz", "Marín", "Rubio", "Núñez", "Medina",
            "Sanz", "Castillo", "Iglesias", "Cortés", "Garrido", "Santos", "Guerrero", "Lozano", "Cano", "Cruz",
            "Méndez", "Flores", "Prieto", "Herrera", "Peña", "León", "Márquez", "Cabrera", "Gallego", "Calvo",
            "Vidal", "Campos", "Reyes", "Vega", "Fuentes", "Carrasco", "Díez", "Aguilar", "Caballero", "Nieto",
            "Santana", "Vargas", "Pascual", "Giménez", "Herrero", "Hidalgo", "Montero", "Lorenzo", "Santiago", "Benítez",
            "Durán", "Ibáñez", "Arias", "Mora", "Ferrer", "Carmona", "Vicente", "Rojas", "Soto", "Crespo",
            "Román", "Pastor", "Velasco", "Parra", "Sáez", "Moya", "Bravo", "Rivera", "Gallardo", "Soler",
            "de la Fuente", "del Río", "de la Cruz", "Esteban", "Pardo", "Merino", "Sierra", "Franco", "Izquierdo", "Mendoza",
            "Aguirre", "Echevarría", "Goicoechea", "Urquijo", "Zubizarreta", "Puig", "Vilanova", "Casals", "Ferreira", "Outeiro",
        ],
        // Surnames are concentrated in Spain: the hundred most common cover about half of the people.
        RareSurnameShare = 0.35,
        SurnameStarts =
        [
            "Alba", "Arri", "Bel", "Cal", "Car", "Cas", "Echa", "Gal", "Gar", "Iba", "Larra", "Lan", "Mal", "Mar", "Mend", "Mon",
            "Nav", "Olaz", "Or", "Pal", "Ren", "Sal", "Sol", "Tor", "Ur", "Val", "Vill", "Zab", "Zal", "Bar", "Cer", "Esc",
        ],
        SurnameEnds =
        [
            "rán", "ena", "aga", "ola", "arte", "ibar", "uru", "ez", "ado", "eda", "ino", "ara", "uela", "illo", "ero",
            "ales", "ares", "ejo", "ín", "oza", "uña", "osa", "era", "ano", "eira", "iz", "ón", "ete", "urra", "ía",
        ],
        Nicknames = new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["José"] = ["Pepe"], ["Francisco"] = ["Paco", "Curro", "Fran"], ["Manuel"] = ["Manolo", "Manu"], ["Antonio"] = ["Toño", "Toni"],
            ["Jesús"] = ["Chus", "Chuchi"], ["Ignacio"] = ["Nacho"], ["Enrique"] = ["Quique"], ["Guillermo"] = ["Guille"],
            ["Alejandro"] = ["Álex", "Alex"], ["Francisco Javier"] = ["Javier", "Javi", "Fran"], ["Javier"] = ["Javi"], ["Rafael"] = ["Rafa"],
            ["Fernando"] = ["Nando", "Fer"], ["Alberto"] = ["Beto"], ["Eduardo"] = ["Edu"], ["Roberto"] = ["Rober"],
            ["José Luis"] = ["Joselu", "José"], ["José María"] = ["Chema", "Josema"], ["José Manuel"] = ["Josema", "José"],
            ["José Antonio"] = ["José", "Antonio"], ["Juan José"] = ["Juanjo"], ["Juan Carlos"] = ["Juanca", "Juan"],
            ["Miguel Ángel"] = ["Miguel"], ["Santiago"] = ["Santi"], ["Joaquín"] = ["Quino"], ["Salvador"] = ["Salva"],
            ["Nicolás"] = ["Nico"], ["Agustín"] = ["Tino"], ["Concepción"] = ["Concha", "Conchi"], ["Dolores"] = ["Lola"],
            ["María Dolores"] = ["Lola", "Loli", "María"], ["Rosario"] = ["Charo"], ["Mercedes"] = ["Merche"], ["Pilar"] = ["Pili"],
            ["María Pilar"] = ["Pili", "Pilar"], ["Guadalupe"] = ["Lupe"], ["Inmaculada"] = ["Inma"], ["Encarnación"] = ["Encarna"],
            ["Montserrat"] = ["Montse"], ["Francisca"] = ["Paqui", "Paca"], ["Josefa"] = ["Pepa", "Pepi"], ["María Teresa"] = ["Maite", "Teresa"],
            ["María José"] = ["Marijose", "María"], ["María Isabel"] = ["Maribel"], ["Isabel"] = ["Isa"], ["Cristina"] = ["Cris"],
            ["Beatriz"] = ["Bea"], ["Manuela"] = ["Manoli"], ["María Ángeles"] = ["Marián", "Ángeles"], ["Consuelo"] = ["Chelo"],
            ["Patricia"] = ["Patri"], ["María Carmen"] = ["Mari Carmen", "Carmen", "Maricarmen"], ["Ana María"] = ["Ana", "Anamari"],
            ["Natalia"] = ["Nati"], ["Verónica"] = ["Vero"], ["Rosa María"] = ["Rosa"], ["María Luisa"] = ["Marisa"],
        },
        Cities =
        [
            ("Madrid", "28"), ("Barcelona", "08"), ("Valencia", "46"), ("Sevilla", "41"), ("Zaragoza", "50"), ("Málaga", "29"),
            ("Murcia", "30"), ("Palma", "07"), ("Las Palmas de Gran Canaria", "35"), ("Bilbao", "48"), ("Alicante", "03"),
            ("Córdoba", "14"), ("Valladolid", "47"), ("Vigo", "36"), ("Gijón", "33"), ("L'Hospitalet de Llobregat", "08"),
            ("A Coruña", "15"), ("Vitoria-Gasteiz", "01"), ("Granada", "18"), ("Elche", "03"), ("Oviedo", "33"), ("Badalona", "08"),
            ("Cartagena", "30"), ("Terrassa", "08"), ("Jerez de la Frontera", "11"), ("Sabadell", "08"), ("Móstoles", "28"),
            ("Santa Cruz de Tenerife", "38"), ("Pamplona", "31"), ("Almería", "04"), ("Alcalá de Henares", "28"), ("Fuenlabrada", "28"),
            ("Leganés", "28"), ("San Sebastián", "20"), ("Getafe", "28"), ("Burgos", "09"), ("Albacete", "02"), ("Santander", "39"),
            ("Castellón de la Plana", "12"), ("Logroño", "26"), ("Badajoz", "06"), ("Salamanca", "37"), ("Huelva", "21"), ("León", "24"),
            ("Cádiz", "11"), ("Jaén", "23"), ("Toledo", "45"), ("Lugo", "27"), ("Cáceres", "10"), ("Ourense", "32"), ("Girona", "17"),
            ("Tarragona", "43"), ("Lleida", "25"), ("Segovia", "40"), ("Ávila", "05"), ("Soria", "42"), ("Teruel", "44"), ("Cuenca", "16"),
        ],
        StreetNames =
        [
            "Mayor", "Real", "de Alcalá", "del Sol", "de la Constitución", "San Juan", "Nueva", "de la Iglesia", "del Carmen",
            "de Goya", "de Serrano", "Cervantes", "Colón", "de la Paz", "del Pilar", "Santa Ana", "de Andalucía", "de Valencia",
            "Pablo Picasso", "Lope de Vega", "Antonio Machado", "Juan Carlos I", "de España", "del Mar", "de las Flores",
            "San Francisco", "Reyes Católicos", "de la Libertad", "Blas de Otero", "Federico García Lorca", "Gran Vía", "del Prado",
            "de la Estación", "San Antonio", "de Castilla", "Rosalía de Castro", "Miguel Hernández", "de Extremadura",
        ],
        StreetTypes = [("Calle", "C/"), ("Avenida", "Avda."), ("Plaza", "Pza."), ("Paseo", "Pº"), ("Camino", "Cno.")],
        EmailDomains = ["gmail.com", "hotmail.com", "hotmail.es", "yahoo.es", "outlook.es", "telefonica.net", "icloud.com", "movistar.es"],
    };
}
