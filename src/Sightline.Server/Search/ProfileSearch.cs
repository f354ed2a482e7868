using System.Buffers.Binary;
using System.Globalization;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Sightline.Core.Identity;

namespace Sightline.Server.Search;

/// <summary>
/// Finds people by name, e-mail or phone (any format), tolerating typos and accents, with Lucene.NET. Only profiles
/// with a name, an e-mail or a phone have an entry: anonymous visitors, who are most profiles (every new visitor brings
/// a new anonymous id), would cost an index update per new visitor and memory per visitor for nothing a name search finds
/// (<see cref="ProfileFinder"/> finds them by their exact ids in the store).
/// The index lives in memory only: it holds personal data, which must not reach the disk in clear, and it is rebuilt
/// from the store at start (ProfileIndexer), so nothing is lost with it.
/// </summary>
public sealed class ProfileSearch(IdentifierNormalizer normalizer) : IDisposable
{
    private const string Id = "id";
    private const string Name = "name";
    private const string EmailText = "email_text";
    private const string Contact = "contact";
    private const string PhoneTail = "phone_tail";
    private const string ShownName = "s_name";
    private const string ShownEmail = "s_email";
    private const string ShownPhone = "s_phone";
    private const string ShownCity = "s_city";
    private const string ShownBirth = "s_birth";

    // National numbers are written with or without a country code or trunk prefix; their last 9 digits (a Spanish
    // number whole, a US one with its area code) find them whichever way they were typed.
    private const int TailDigits = 9;

    private readonly FoldingAnalyzer _analyzer = new();
    private readonly System.Threading.Lock _writing = new();
    private Index _index = Index.Create(new FoldingAnalyzer(), []);

    // What each entry was made from. A signed-in visitor's every identify call sends the same name and e-mail again, and
    // rewriting an unchanged entry, with the searcher refresh after it, was most of the index's cost under load
    // (bench/results/pipeline.md). A 64-bit fingerprint is about 30 bytes a person with the dictionary's own, and a
    // changed entry keeps its fingerprint by chance once in 2^64 updates.
    private Dictionary<ProfileId, ulong> _indexed = [];

    /// <summary>How many people (profiles with a name, e-mail or phone) the index holds.</summary>
    public int Count => _index.Count;

    /// <summary>Replaces the whole index with <paramref name="documents"/>; searches go on against the old one meanwhile.</summary>
    public void Replace(IEnumerable<SearchDocument> documents)
    {
        var people = documents.Where(d => d.DescribesPerson).ToList();
        var indexed = new Dictionary<ProfileId, ulong>(people.Count);
        foreach (var person in people)
        {
            indexed[person.Profile] = Fingerprint(person);
        }

        var fresh = Index.Create(_analyzer, people.Select(ToLucene));
        Index old;
        lock (_writing)
        {
            old = _index;
            _index = fresh;
            _indexed = indexed;
        }

        old.Dispose();
    }

    /// <summary>Adds or replaces the entries of some profiles and drops others (merged away, erased, or no longer a person to find).</summary>
    /// <returns>
    /// How many entries changed. An upsert identical to the entry it would replace changes nothing, nor does dropping a
    /// profile that has no entry; when nothing changed, searchers are not refreshed either.
    /// </returns>
    public int Update(IEnumerable<SearchDocument> upserts, IEnumerable<ProfileId> deletes)
    {
        lock (_writing)
        {
            var changed = 0;
            foreach (var profile in deletes)
            {
                changed += Drop(profile);
            }

            foreach (var document in upserts)
            {
                if (!document.DescribesPerson)
                {
                    changed += Drop(document.Profile);
                    continue;
                }

                var fingerprint = Fingerprint(document);
                if (_indexed.TryGetValue(document.Profile, out var current) && current == fingerprint)
                {
                    continue;
                }

                _indexed[document.Profile] = fingerprint;
                _index.Writer.UpdateDocument(new Term(Id, document.Profile.ToString()), ToLucene(document));
                changed++;
            }

            if (changed > 0)
            {
                _index.Refresh();
            }

            return changed;
        }
    }

    private int Drop(ProfileId profile)
    {
        if (!_indexed.Remove(profile))
        {
            return 0;
        }

        _index.Writer.DeleteDocuments(new Term(Id, profile.ToString()));
        return 1;
    }

    /// <summary>The best matches for what a person typed, best first.</summary>
    public IReadOnlyList<SearchHit> Search(string text, int limit = 20)
    {
        text = text.Trim();
        if (text.Length == 0)
        {
            return [];
        }

        var tokens = Tokens(text);
        var hits = Run(Query(text, tokens, requireAll: true), limit);
        // A word that matches nothing (a second surname the profile lacks) should not hide the person.
        return hits.Count == 0 && tokens.Count > 1 ? Run(Query(text, tokens, requireAll: false), limit) : hits;
    }

    /// <summary>The entry of one profile, or null when it has none.</summary>
    public SearchHit? Find(ProfileId profile) => Run(new TermQuery(new Term(Id, profile.ToString())), 1) is [var hit] ? hit : null;

    private IReadOnlyList<SearchHit> Run(Query query, int limit)
    {
        for (var attempt = 0; ; attempt++)
        {
            var index = _index;
            IndexSearcher searcher;
            try
            {
                searcher = index.Searchers.Acquire();
            }
            catch (ObjectDisposedException) when (attempt < 3)
            {
                // Replaced meanwhile: search the new index.
                continue;
            }

            try
            {
                var top = searcher.Search(query, limit);
                return [.. top.ScoreDocs.Select(hit => ToHit(searcher.Doc(hit.Doc), hit.Score))];
            }
            finally
            {
                index.Searchers.Release(searcher);
            }
        }
    }

    private BooleanQuery Query(string text, List<string> tokens, bool requireAll)
    {
        var query = new BooleanQuery();
        var lower = text.ToLowerInvariant();
        query.Add(new TermQuery(new Term(Contact, lower)) { Boost = 20 }, Occur.SHOULD);
        if (Identifier.TryParse(text, out var typed))
        {
            query.Add(new TermQuery(new Term(Contact, typed.Value.ToLowerInvariant())) { Boost = 20 }, Occur.SHOULD);
        }

        var email = normalizer.Normalize(IdentifierTypes.Email, text);
        if (email is not null)
        {
            query.Add(new TermQuery(new Term(Contact, email.Value.Value)) { Boost = 20 }, Occur.SHOULD);
        }

        if (!text.Any(char.IsLetter))
        {
            if (normalizer.Normalize(IdentifierTypes.Phone, text) is { } phone)
            {
                query.Add(new TermQuery(new Term(Contact, phone.Value)) { Boost = 20 }, Occur.SHOULD);
            }

            var digits = new string([.. text.Where(char.IsAsciiDigit)]);
            if (digits.Length >= 6)
            {
                query.Add(new TermQuery(new Term(PhoneTail, Tail(digits))) { Boost = 15 }, Occur.SHOULD);
            }
        }

        if (tokens.Count > 0)
        {
            var words = new BooleanQuery();
            foreach (var token in tokens)
            {
                // Names have no digits, and an e-mail address is either right or another person's: only names are fuzzy.
                words.Add(Word(token, fuzzy: email is null && !token.Any(char.IsAsciiDigit)), requireAll ? Occur.MUST : Occur.SHOULD);
            }

            if (!requireAll)
            {
                words.MinimumNumberShouldMatch = tokens.Count - 1;
            }

            query.Add(words, Occur.SHOULD);
        }

        return query;
    }

    /// <summary>One typed word: exactly, as the start of a word (still typing), or within one or two typos, in names or e-mail.</summary>
    private static BooleanQuery Word(string token, bool fuzzy)
    {
        var word = new BooleanQuery
        {
            { new TermQuery(new Term(Name, token)) { Boost = 4 }, Occur.SHOULD },
            { new TermQuery(new Term(EmailText, token)) { Boost = 2 }, Occur.SHOULD },
        };
        if (!fuzzy)
        {
            return word;
        }

        if (token.Length >= 2)
        {
            word.Add(new PrefixQuery(new Term(Name, token)) { Boost = 1.5f }, Occur.SHOULD);
        }

        if (token.Length >= 4)
        {
            // The first letter must match: it keeps the automaton small on a million names, and is rarely the typo.
            word.Add(new FuzzyQuery(new Term(Name, token), token.Length >= 7 ? 2 : 1, prefixLength: 1), Occur.SHOULD);
        }

        return word;
    }

    private List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        using var stream = _analyzer.GetTokenStream(Name, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add(term.ToString());
        }

        stream.End();
        return [.. tokens.Distinct(StringComparer.Ordinal).Take(8)];
    }

    private static Document ToLucene(SearchDocument source)
    {
        var document = new Document
        {
            new StringField(Id, source.Profile.ToString(), Field.Store.YES),
            new TextField(Name, string.Join(' ', source.Names), Field.Store.NO),
            new TextField(EmailText, string.Join(' ', source.Emails.Select(e => string.Join(' ', e.Split(['@', '.', '_', '-', '+'])))), Field.Store.NO),
        };
        foreach (var phone in source.Phones)
        {
            document.Add(new StringField(Contact, phone, Field.Store.NO));
            document.Add(new StringField(PhoneTail, Tail(phone), Field.Store.NO));
        }

        foreach (var email in source.Emails)
        {
            document.Add(new StringField(Contact, email, Field.Store.NO));
        }

        Shown(document, ShownName, source.DisplayName);
        Shown(document, ShownEmail, source.Emails.Count > 0 ? source.Emails[0] : null);
        Shown(document, ShownPhone, source.Phones.Count > 0 ? source.Phones[0] : null);
        Shown(document, ShownCity, source.City);
        Shown(document, ShownBirth, source.BirthDate);
        return document;
    }

    /// <summary>Everything an entry is made from, hashed; each value is length-prefixed so no two documents run together alike.</summary>
    private static ulong Fingerprint(SearchDocument document)
    {
        var hash = new XxHash3();
        Append(hash, document.DisplayName);
        foreach (var list in (ReadOnlySpan<IReadOnlyList<string>>)[document.Names, document.Emails, document.Phones])
        {
            Append(hash, list.Count);
            foreach (var value in list)
            {
                Append(hash, value);
            }
        }

        Append(hash, document.City);
        Append(hash, document.BirthDate);
        return hash.GetCurrentHashAsUInt64();
    }

    private static void Append(XxHash3 hash, string? value)
    {
        Append(hash, value?.Length ?? -1);
        hash.Append(MemoryMarshal.AsBytes((value ?? "").AsSpan()));
    }

    private static void Append(XxHash3 hash, int number)
    {
        Span<byte> bytes = stackalloc byte[sizeof(int)];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, number);
        hash.Append(bytes);
    }

    private static void Shown(Document document, string field, string? value)
    {
        if (value is not null)
        {
            document.Add(new StoredField(field, value));
        }
    }

    private static SearchHit ToHit(Document document, float score) => new(
        new ProfileId(long.Parse(document.Get(Id), CultureInfo.InvariantCulture)), score,
        document.Get(ShownName), document.Get(ShownEmail), document.Get(ShownPhone), document.Get(ShownCity), document.Get(ShownBirth));

    private static string Tail(string phone)
    {
        var digits = phone.TrimStart('+');
        return digits.Length > TailDigits ? digits[^TailDigits..] : digits;
    }

    public void Dispose()
    {
        _index.Dispose();
        _analyzer.Dispose();
    }

    /// <summary>One generation of the index: a RAM directory, its writer, and searchers that see its latest state.</summary>
    private sealed class Index : IDisposable
    {
        private Index(RAMDirectory directory, IndexWriter writer)
        {
            Directory = directory;
            Writer = writer;
            Searchers = new SearcherManager(writer, applyAllDeletes: true, searcherFactory: null);
        }

        public RAMDirectory Directory { get; }

        public IndexWriter Writer { get; }

        public SearcherManager Searchers { get; }

        public int Count => Writer.NumDocs;

        public static Index Create(FoldingAnalyzer analyzer, IEnumerable<Document> documents)
        {
            var directory = new RAMDirectory();
            var writer = new IndexWriter(directory, new IndexWriterConfig(FoldingAnalyzer.Version, analyzer)
            {
                OpenMode = OpenMode.CREATE,
                RAMBufferSizeMB = 128,
            });
            // The writer takes documents from several threads at once, each into its own segment.
            Parallel.ForEach(documents, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, document => writer.AddDocument(document));

            writer.Commit();
            return new Index(directory, writer);
        }

        public void Refresh() => Searchers.MaybeRefreshBlocking();

        public void Dispose()
        {
            Searchers.Dispose();
            Writer.Dispose();
            Directory.Dispose();
        }
    }
}
