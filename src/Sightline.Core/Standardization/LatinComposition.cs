using System.Text;

namespace Sightline.Core.Standardization;

/// <summary>
/// Composes a Latin letter followed by a combining accent into the precomposed letter ("e" + U+0301 → "é"), the NFC
/// form. The app runs with invariant globalization, where string.Normalize leaves such pairs as they are, so the
/// pairs Latin names use are kept in a table here.
/// </summary>
internal static class LatinComposition
{
    private static readonly Dictionary<(char Letter, char Mark), char> Pairs = Build();

    /// <summary>The text with each known letter and combining accent pair composed; other marks are left in place.</summary>
    public static string Compose(string text)
    {
        if (!text.Any(IsCombining))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (IsCombining(c) && builder.Length > 0 && Pairs.TryGetValue((builder[^1], c), out var composed))
            {
                builder[^1] = composed;
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool IsCombining(char c) => c is >= '\u0300' and <= '\u036F';

    private static Dictionary<(char, char), char> Build()
    {
        // Each mark with "base letter, composed letter" pairs.
        (char Mark, string Pairs)[] marks =
        [
            ('\u0300', "AÀaàEÈeèIÌiìOÒoòUÙuùNǸnǹWẀwẁYỲyỳ"),
            ('\u0301', "AÁaáEÉeéIÍiíOÓoóUÚuúYÝyýCĆcćNŃnńSŚsśZŹzźLĹlĺRŔrŕGǴgǵWẂwẃ"),
            ('\u0302', "AÂaâEÊeêIÎiîOÔoôUÛuûCĈcĉGĜgĝHĤhĥJĴjĵSŜsŝWŴwŵYŶyŷ"),
            ('\u0303', "AÃaãOÕoõNÑnñIĨiĩUŨuũEẼeẽYỸyỹ"),
            ('\u0304', "AĀaāEĒeēIĪiīOŌoōUŪuū"),
            ('\u0306', "AĂaăEĔeĕGĞgğIĬiĭOŎoŏUŬuŭ"),
            ('\u0307', "CĊcċEĖeėGĠgġIİZŻzż"),
            ('\u0308', "AÄaäEËeëIÏiïOÖoöUÜuüYŸyÿ"),
            ('\u030A', "AÅaåUŮuů"),
            ('\u030B', "OŐoőUŰuű"),
            ('\u030C', "CČcčDĎdďEĚeěNŇnňRŘrřSŠsšTŤtťZŽzž"),
            ('\u0327', "CÇcçSŞsşTŢtţGĢgģKĶkķLĻlļNŅnņRŖrŗ"),
            ('\u0328', "AĄaąEĘeęIĮiįUŲuų"),
        ];
        var pairs = new Dictionary<(char, char), char>();
        foreach (var (mark, letters) in marks)
        {
            for (var i = 0; i + 1 < letters.Length; i += 2)
            {
                pairs[(letters[i], mark)] = letters[i + 1];
            }
        }

        return pairs;
    }
}
