namespace Workbench.Codec.Entropy.Rans;

/// <summary>
/// 64-bit rANS encoder. rANS is last-in first-out, so symbols are queued and coded in reverse when the stream is
/// finished; the decoder then reads them in the order they were queued.
/// </summary>
public sealed class RansEncoder
{
    private readonly List<(uint Start, uint Frequency, int ScaleBits)> _queue = [];

    /// <summary>Queues a symbol occupying [start, start + frequency) of a total of 2^scaleBits.</summary>
    public void Put(uint start, uint frequency, int scaleBits)
    {
        if (scaleBits is < 1 or > 16) throw new ArgumentOutOfRangeException(nameof(scaleBits), "precision must be 1..16 bits");
        if (frequency == 0 || start + frequency > 1u << scaleBits)
            throw new ArgumentOutOfRangeException(nameof(frequency), $"interval [{start}, {start + frequency}) is empty or exceeds 2^{scaleBits}");
        _queue.Add((start, frequency, scaleBits));
    }

    /// <summary>The coded bytes: the final state (8 bytes) followed by the renormalisation words, little-endian.</summary>
    public byte[] Finish()
    {
        var words = new List<uint>();
        var state = Rans64.LowerBound;
        for (var i = _queue.Count - 1; i >= 0; i--)
        {
            var (start, frequency, scaleBits) = _queue[i];
            var limit = ((Rans64.LowerBound >> scaleBits) << Rans64.WordBits) * frequency;
            if (state >= limit)
            {
                words.Add((uint)state);
                state >>= Rans64.WordBits;
            }
            state = ((state / frequency) << scaleBits) + state % frequency + start;
        }
        _queue.Clear();

        var bytes = new byte[8 + 4 * words.Count];
        BitConverter.TryWriteBytes(bytes.AsSpan(0, 8), state);
        for (var i = 0; i < words.Count; i++)
            BitConverter.TryWriteBytes(bytes.AsSpan(8 + 4 * i, 4), words[words.Count - 1 - i]);
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("the coder writes little-endian words");
        return bytes;
    }
}
