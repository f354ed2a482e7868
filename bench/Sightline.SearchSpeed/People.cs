using System.Globalization;
using Sightline.Core.Identity;
using Sightline.Server.Search;

namespace Sightline.SearchSpeed;

/// <summary>Synthetic customers of a Spanish-speaking retailer: two surnames, accents, e-mail, mobile phone, user id, city.</summary>
internal sealed class People(int seed)
{
    private static readonly string[] Given =
    [
        "José", "María", "Antonio", "Carmen", "Manuel", "Ana", "Francisco", "Laura", "David", "Lucía", "Juan", "Marta", "Javier", "Elena",
        "Daniel", "Sara", "Carlos", "Paula", "Miguel", "Cristina", "Rafael", "Isabel", "Pedro", "Raquel", "Ángel", "Pilar", "Alejandro",
        "Rosa", "Fernando", "Nuria", "Pablo", "Silvia", "Sergio", "Beatriz", "Jorge", "Irene", "Luis", "Andrea", "Alberto", "Patricia",
        "Álvaro", "Mónica", "Diego", "Julia", "Adrián", "Noelia", "Raúl", "Inés", "Iván", "Sofía", "Rubén", "Alba", "Óscar", "Claudia",
        "Enrique", "Verónica", "Ramón", "Lorena", "Vicente", "Eva", "Joaquín", "Natalia", "Andrés", "Rocío", "Santiago", "Teresa", "Víctor",
        "Ximena", "Emilio", "Valeria", "Jesús", "Guadalupe", "Héctor", "Fernanda", "Ignacio", "Mercedes", "Hugo", "Yolanda", "Gonzalo", "Núria",
    ];

    private static readonly string[] Surnames =
    [
        "García", "Rodríguez", "González", "Fernández", "López", "Martínez", "Sánchez", "Pérez", "Gómez", "Martín", "Jiménez", "Ruiz",
        "Hernández", "Díaz", "Moreno", "Muñoz", "Álvarez", "Romero", "Alonso", "Gutiérrez", "Navarro", "Torres", "Domínguez", "Vázquez",
        "Ramos", "Gil", "Ramírez", "Serrano", "Blanco", "Molina", "Morales", "Suárez", "Ortega", "Delgado", "Castro", "Ortiz", "Rubio",
        "Marín", "Sanz", "Núñez", "Iglesias", "Medina", "Garrido", "Cortés", "Castillo", "Santos", "Lozano", "Guerrero", "Cano", "Prieto",
        "Méndez", "Cruz", "Calvo", "Gallego", "Vidal", "León", "Márquez", "Herrera", "Peña", "Flores", "Cabrera", "Campos", "Vega", "Fuentes",
        "Carrasco", "Diez", "Caballero", "Reyes", "Nieto", "Aguilar", "Pascual", "Santana", "Herrero", "Lorenzo", "Montero", "Hidalgo",
        "Giménez", "Ibáñez", "Ferrer", "Durán", "Santiago", "Benítez", "Mora", "Vicente", "Vargas", "Arias", "Carmona", "Crespo", "Román",
        "Pastor", "Soto", "Sáez", "Velasco", "Moya", "Soler", "Parra", "Esteban", "Bravo", "Gallardo", "Rojas", "Pardo", "Merino", "Franco",
        "Espinosa", "Izquierdo", "Lara", "Rivas", "Silva", "Rivera", "Casado", "Arroyo", "Redondo", "Camacho", "Rey", "Vera", "Otero", "Luque",
        "Galán", "Montes", "Ríos", "Sierra", "Segura", "Carrillo", "Marcos", "Marti", "Soriano", "Mendoza", "Robles", "Bernal", "Vila", "Valero",
        "Echeverría", "Zubizarreta", "Goikoetxea", "Urquiza", "Arrieta", "Olazábal", "Beltrán", "Salinas", "Villalobos", "Quintero", "Bautista",
    ];

    private static readonly string[] Cities = ["Madrid", "Barcelona", "Valencia", "Sevilla", "Zaragoza", "Málaga", "Murcia", "Palma", "Bilbao", "Alicante", "Córdoba", "Valladolid", "Vigo", "Gijón", "Granada", "A Coruña", "Guadalajara", "Ciudad de México", "Monterrey", "Puebla"];

    private static readonly string[] Domains = ["gmail.com", "hotmail.com", "yahoo.es", "outlook.com", "telefonica.net", "icloud.com", "correo.es"];

    private readonly Random _random = new(seed);

    public SearchDocument Next(long id)
    {
        var given = Pick(Given);
        var (first, second) = (Pick(Surnames), Pick(Surnames));
        var email = $"{Ascii(given)}.{Ascii(first)}{_random.Next(1, 10_000)}@{Pick(Domains)}".ToLowerInvariant();
        var phone = "+346" + _random.Next(0, 100_000_000).ToString("D8", CultureInfo.InvariantCulture);
        return new SearchDocument(
            new ProfileId(id), $"{given} {first} {second}", [given, $"{first} {second}"], [email], [phone], Pick(Cities), $"19{_random.Next(40, 100)}-{_random.Next(1, 13):D2}-{_random.Next(1, 29):D2}");
    }

    private string Pick(string[] values) => values[_random.Next(values.Length)];

    /// <summary>Accents off, as people type e-mail addresses.</summary>
    public static string Ascii(string text) => new([.. text.Select(c => "áéíóúüñÁÉÍÓÚÜÑ".IndexOf(c) is >= 0 and var i ? "aeiouunAEIOUUN"[i] : c)]);
}
