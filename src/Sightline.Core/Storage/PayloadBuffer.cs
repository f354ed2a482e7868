namespace Sightline.Core.Storage;

/// <summary>
/// One reused array the payloads of a batch of logged events are opened into, instead of an array per event. A batch
/// read ahead waits while the one before it is resolved, so those arrays lived through garbage collections and were
/// copied into older generations; this one lives for the process. A batch's events are valid until the buffer's next
/// <see cref="Reset"/>.
/// </summary>
public sealed class PayloadBuffer
{
    private byte[] _bytes = new byte[1 << 20];
    private int _used;

    /// <summary>Starts over at the beginning: the events read into the buffer before are no longer valid.</summary>
    public void Reset() => _used = 0;

    /// <summary>The next <paramref name="length"/> bytes of the buffer, for one payload.</summary>
    public Memory<byte> Take(int length)
    {
        if (_used + length > _bytes.Length)
        {
            // Payloads already taken keep the old array alive until their batch is done with.
            _bytes = new byte[Math.Max(_bytes.Length * 2, length)];
            _used = 0;
        }

        var taken = _bytes.AsMemory(_used, length);
        _used += length;
        return taken;
    }
}
