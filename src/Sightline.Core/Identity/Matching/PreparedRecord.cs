using System.Buffers;

namespace Sightline.Core.Identity.Matching;

/// <summary>
/// A <see cref="PersonRecord"/> folded and split once, so that comparing it with many candidates costs no
/// further allocation: names folded, sound keys, nickname groups, the date's eight digits.
/// </summary>
/// <remarks>
/// All of a record's fields are one string: a header of numbers (one character each, or two in a record longer than
/// 65,535 characters), then the fields' characters one after the other. Comparing a pair touches the other record's
/// text, which is a few neighbouring cache lines and one pointer to follow, where a string per field (sixteen of them,
/// plus token arrays) cost a dependent cache miss each: memory, not arithmetic, was most of a comparison's time.
/// </remarks>
internal readonly struct PreparedRecord
{
    // Joining words that are not surnames in themselves: "García de la Vega", "Pérez y Gómez", "van der Berg".
    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal) { "de", "del", "la", "las", "los", "y", "e", "i", "van", "von", "der", "den", "da", "di", "do", "dos", "das", "du", "le" };

    // The fields stored as text, in the order of the text; the other fields are prefixes of these.
    private const int GivenSlot = 0, GivenJoinedSlot = 1, GivenSoundSlot = 2, GivenGroupsSlot = 3, SurnameSlot = 4, SurnameJoinedSlot = 5,
        SurnameSoundSlot = 6, BirthDateSlot = 7, StreetSlot = 8, CitySlot = 9, PostcodeSlot = 10, EmailSlot = 11, PhoneSlot = 12, DocumentSlot = 13;

    private const int Slots = 14;

    // Character 0 is flags: bit s set when slot s has no value, EmailLocalNull, Wide. Numbers follow: slot s runs from
    // number 1 + s to number 2 + s (offsets in the string), then the length of the e-mail's local part.
    private const int EmailLocalNull = 1 << 14;
    private const int Wide = 1 << 15;
    private const int EmailLocalNumber = Slots + 2;
    private const int Numbers = EmailLocalNumber;

    private readonly string _text;

    private PreparedRecord(string text) => _text = text;

    /// <summary>Brings the record's text toward the cache ahead of comparing it (see <see cref="Matching.Prefetch"/>).</summary>
    public void Prefetch() => Matching.Prefetch.Text(_text);

    public TextSlice Given => Slot(GivenSlot);

    /// <summary>The first given name.</summary>
    public TextSlice GivenFirst => Given.FirstWord();

    public TextSlice GivenSound => Slot(GivenSoundSlot);

    /// <summary>The given names written together ("matthews" from "matthe ws"), for swaps and run-together spellings.</summary>
    public TextSlice GivenJoined => Slot(GivenJoinedSlot);

    /// <summary>The nickname groups of the given name (or its first name), ascending, one character each.</summary>
    public ReadOnlySpan<char> GivenGroups => Slot(GivenGroupsSlot).Span;

    /// <summary>The surnames without joining particles, separated by one space.</summary>
    public TextSlice Surname => Slot(SurnameSlot);

    public TextSlice SurnameFirst => Surname.FirstWord();

    /// <summary>The surnames written together ("garciamarquez"), for hyphenated and run-together spellings.</summary>
    public TextSlice SurnameJoined => Slot(SurnameJoinedSlot);

    public TextSlice SurnameSound => Slot(SurnameSoundSlot);

    /// <summary>yyyyMMdd.</summary>
    public TextSlice BirthDate => Slot(BirthDateSlot);

    public TextSlice Street => Slot(StreetSlot);

    public TextSlice City => Slot(CitySlot);

    public TextSlice Postcode => Slot(PostcodeSlot);

    public TextSlice Email => Slot(EmailSlot);

    /// <summary>The e-mail's local part without a "+tag"; no value when the address has no local part.</summary>
    public TextSlice EmailLocal => (_text[0] & EmailLocalNull) != 0 ? default : Email.Prefix(Number(EmailLocalNumber));

    /// <summary>The last nine digits: national numbers and their international forms compare equal.</summary>
    public TextSlice Phone => Slot(PhoneSlot);

    public TextSlice Document => Slot(DocumentSlot);

    public static PreparedRecord From(PersonRecord record)
    {
        var given = TextFold.Fold(record.GivenName);
        var givenTokens = given?.Split(' ') ?? [];
        var surnameTokens = SplitSurname(TextFold.Fold(record.Surname));

        var groups = Nicknames.Union(Nicknames.Of(given), givenTokens.Length > 0 ? Nicknames.Of(givenTokens[0]) : []);
        var email = record.Email?.Trim().ToLowerInvariant();
        var at = email?.IndexOf('@') ?? -1;
        var local = at > 0 ? email![..at] : null;
        var plus = local?.IndexOf('+') ?? -1;
        var phone = TextFold.Digits(record.Phone);
        var slots = new string?[Slots];
        slots[GivenSlot] = given;
        slots[GivenJoinedSlot] = givenTokens.Length > 0 ? string.Concat(givenTokens) : null;
        slots[GivenSoundSlot] = Phonetic.Key(given);
        slots[GivenGroupsSlot] = string.Create(groups.Length, groups, static (chars, groups) =>
        {
            for (var g = 0; g < groups.Length; g++)
            {
                chars[g] = checked((char)groups[g]);
            }
        });
        slots[SurnameSlot] = surnameTokens.Length > 0 ? string.Join(' ', surnameTokens) : null;
        slots[SurnameJoinedSlot] = surnameTokens.Length > 0 ? string.Concat(surnameTokens) : null;
        slots[SurnameSoundSlot] = surnameTokens.Length > 0 ? Phonetic.Key(surnameTokens[0]) : null;
        slots[BirthDateSlot] = Date(record.BirthDate);
        slots[StreetSlot] = TextFold.Fold(record.Street);
        slots[CitySlot] = TextFold.Fold(record.City);
        slots[PostcodeSlot] = FoldPostcode(record.Postcode);
        slots[EmailSlot] = string.IsNullOrEmpty(email) ? null : email;
        slots[PhoneSlot] = phone is null || phone.Length < 6 ? null : phone.Length > 9 ? phone[^9..] : phone;
        slots[DocumentSlot] = TextFold.Fold(record.DocumentId)?.Replace(" ", "", StringComparison.Ordinal);
        var emailLocal = plus > 0 ? plus : local?.Length;
        return new PreparedRecord(Pack(slots, emailLocal));
    }

    /// <summary>The slots' texts behind the header; <paramref name="emailLocal"/> is the length of the e-mail's local part, null for none.</summary>
    private static string Pack(string?[] slots, int? emailLocal)
    {
        var characters = 0L;
        foreach (var slot in slots)
        {
            characters += slot?.Length ?? 0;
        }

        var wide = 1 + Numbers + characters > char.MaxValue;
        var header = 1 + (wide ? 2 * Numbers : Numbers);
        return string.Create(checked(header + (int)characters), (slots, emailLocal, wide, header), static (text, state) =>
        {
            var (slots, emailLocal, wide, offset) = state;
            var flags = (wide ? Wide : 0) | (emailLocal is null ? EmailLocalNull : 0);
            Write(text, wide, 1, offset);
            for (var s = 0; s < slots.Length; s++)
            {
                if (slots[s] is { } value)
                {
                    value.CopyTo(text[offset..]);
                    offset += value.Length;
                }
                else
                {
                    flags |= 1 << s;
                }

                Write(text, wide, 2 + s, offset);
            }

            Write(text, wide, EmailLocalNumber, emailLocal ?? 0);
            text[0] = (char)flags;
        });
    }

    private static void Write(Span<char> text, bool wide, int number, int value)
    {
        if (wide)
        {
            text[(2 * number) - 1] = (char)value;
            text[2 * number] = (char)(value >> 16);
        }
        else
        {
            text[number] = (char)value;
        }
    }

    private int Number(int number) =>
        (_text[0] & Wide) == 0 ? _text[number] : _text[(2 * number) - 1] | (_text[2 * number] << 16);

    private TextSlice Slot(int slot)
    {
        if ((_text[0] & (1 << slot)) != 0)
        {
            return default;
        }

        var start = Number(1 + slot);
        return new TextSlice(_text, start, Number(2 + slot) - start);
    }

    /// <summary>
    /// <see cref="SurnameSound"/> and <see cref="Postcode"/> of the record, without preparing the rest: records can then
    /// be prepared in the order these give.
    /// </summary>
    public static (string? SurnameSound, string? Postcode) LocalityFields(PersonRecord record)
    {
        var surnameTokens = SplitSurname(TextFold.Fold(record.Surname));
        return (surnameTokens.Length > 0 ? Phonetic.Key(surnameTokens[0]) : null, FoldPostcode(record.Postcode));
    }

    private static string[] SplitSurname(string? surname)
    {
        var tokens = WithoutParticles(surname?.Split(' ') ?? []);
        return tokens.Length == 0 && surname is not null ? surname.Split(' ') : tokens;
    }

    private static string? FoldPostcode(string? text) => TextFold.Fold(text)?.Replace(" ", "", StringComparison.Ordinal);

    /// <summary>The tokens that are not joining particles (the array itself when all are names).</summary>
    private static string[] WithoutParticles(string[] tokens)
    {
        var names = 0;
        foreach (var token in tokens)
        {
            names += Particles.Contains(token) ? 0 : 1;
        }

        if (names == tokens.Length)
        {
            return tokens;
        }

        var kept = new string[names];
        var k = 0;
        foreach (var token in tokens)
        {
            if (!Particles.Contains(token))
            {
                kept[k++] = token;
            }
        }

        return kept;
    }

    private static readonly SearchValues<char> DateSeparators = SearchValues.Create("-/. T");

    /// <summary>yyyyMMdd from yyyy-MM-dd, yyyyMMdd or dd/MM/yyyy; anything else keeps its digits as they are.</summary>
    private static string? Date(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        // The first three runs between separators, without splitting the whole text into strings.
        Span<Range> parts = stackalloc Range[3];
        var count = 0;
        for (var i = 0; i < text.Length && count < 3;)
        {
            if (DateSeparators.Contains(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && !DateSeparators.Contains(text[i]))
            {
                i++;
            }

            parts[count++] = start..i;
        }

        if (count == 3 && !text.AsSpan(parts[0]).ContainsAnyExceptInRange('0', '9') && !text.AsSpan(parts[1]).ContainsAnyExceptInRange('0', '9') && !text.AsSpan(parts[2]).ContainsAnyExceptInRange('0', '9'))
        {
            var (year, month, day) = Length(parts[0]) == 4 ? (parts[0], parts[1], parts[2]) : Length(parts[2]) == 4 ? (parts[2], parts[1], parts[0]) : (parts[0], parts[1], parts[2]);
            var size = Math.Max(Length(year), 4) + Math.Max(Length(month), 2) + Math.Max(Length(day), 2);
            Span<char> date = size <= 64 ? stackalloc char[64] : new char[size];
            var written = Pad(date, text.AsSpan(year), 4);
            written += Pad(date[written..], text.AsSpan(month), 2);
            written += Pad(date[written..], text.AsSpan(day), 2);
            return new string(date[..written]);
        }

        return TextFold.Digits(text);

        int Length(Range part) => part.GetOffsetAndLength(text.Length).Length;
    }

    /// <summary>As string.PadLeft: zeros in front up to the width, a longer part whole; the characters written.</summary>
    private static int Pad(Span<char> into, ReadOnlySpan<char> digits, int width)
    {
        var zeros = Math.Max(0, width - digits.Length);
        into[..zeros].Fill('0');
        digits.CopyTo(into[zeros..]);
        return zeros + digits.Length;
    }
}
