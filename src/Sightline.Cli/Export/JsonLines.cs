using System.Text.Encodings.Web;
using System.Text.Json;

namespace Sightline.Cli.Export;

/// <summary>Writes one JSON object per line to a stream, reusing one writer for every line.</summary>
internal sealed class JsonLines(Stream stream) : IAsyncDisposable
{
    private readonly Utf8JsonWriter _writer = new(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    public long Count { get; private set; }

    public void Write(Action<Utf8JsonWriter> writeObject)
    {
        _writer.Reset(stream);
        _writer.WriteStartObject();
        writeObject(_writer);
        _writer.WriteEndObject();
        _writer.Flush();
        stream.WriteByte((byte)'\n');
        Count++;
    }

    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync();
        await stream.DisposeAsync();
    }
}
