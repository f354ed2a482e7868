using System.Buffers;
using System.Text;
using Sightline.Core.Privacy;

namespace Sightline.Storage.Sqlite;

/// <summary>
/// Text values sealed into one buffer, numbered from 0 in the order added, each bound from there as it is stored:
/// sealed bytes, or the text itself when writing in clear (as <see cref="ProtectedColumns.SealText"/> stores it).
/// </summary>
/// <remarks>
/// SQLite copies what it binds, so no value needs an array of its own, and a value written to two columns (a latest
/// trait value is a copy of its history row) is sealed once for both.
/// </remarks>
internal sealed class SealedTexts(FieldProtector protector) : IDisposable
{
    private readonly List<(int Start, int Length)> _values = [];
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
    private int _used;

    /// <summary>Seals <paramref name="text"/> for <paramref name="column"/>.</summary>
    /// <returns>The value's number.</returns>
    public int Add(string text, ReadOnlySpan<byte> column)
    {
        var longest = Encoding.UTF8.GetMaxByteCount(text.Length) + FieldProtector.Overhead;
        if (_buffer.Length - _used < 2 * longest)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(2 * _buffer.Length, _used + (2 * longest)));
            _buffer.AsSpan(0, _used).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        // The plaintext goes past where the longest sealed value could end, so the two never overlap.
        var plaintext = _buffer.AsSpan(_used + longest);
        var length = protector.Seal(plaintext[..Encoding.UTF8.GetBytes(text, plaintext)], column, _buffer.AsSpan(_used));
        _values.Add((_used, length));
        _used += length;
        return _values.Count - 1;
    }

    public void Bind(RawStatement statement, int index, int value)
    {
        var (start, length) = _values[value];
        var stored = _buffer.AsSpan(start, length);
        if (protector.CurrentKeyId is null)
        {
            statement.BindText(index, stored);
        }
        else
        {
            statement.Bind(index, stored);
        }
    }

    public void Dispose() => ArrayPool<byte>.Shared.Return(_buffer);
}
