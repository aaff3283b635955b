namespace Workbench.Codec.Entropy.Rans;

/// <summary>
/// 64-bit rANS decoder over the bytes of <see cref="RansEncoder.Finish"/>. Every call consumes at most one word, reading
/// past the end throws, and <see cref="CheckFinished"/> verifies that the stream ended exactly where the encoder began,
/// so corrupt input gives a <see cref="BitstreamException"/> rather than garbage or a hang.
/// </summary>
public sealed class RansDecoder
{
    private readonly byte[] _bytes;
    private int _position;
    private ulong _state;

    public RansDecoder(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 8 || bytes.Length % 4 != 0)
            throw new BitstreamException($"rANS stream of {bytes.Length} bytes is truncated (expected 8 + 4k bytes)");
        _bytes = bytes.ToArray();
        _state = BitConverter.ToUInt64(_bytes, 0);
        _position = 8;
    }

    /// <summary>The slot in [0, 2^scaleBits) that names the next symbol; follow with <see cref="Advance"/>.</summary>
    public uint Peek(int scaleBits) => (uint)(_state & ((1UL << scaleBits) - 1));

    /// <summary>Removes the symbol [start, start + frequency) that <see cref="Peek"/> pointed into.</summary>
    public void Advance(uint start, uint frequency, int scaleBits)
    {
        var slot = Peek(scaleBits);
        _state = frequency * (_state >> scaleBits) + slot - start;
        if (_state < Rans64.LowerBound)
        {
            if (_position + 4 > _bytes.Length) throw new BitstreamException("rANS stream is truncated");
            _state = (_state << Rans64.WordBits) | BitConverter.ToUInt32(_bytes, _position);
            _position += 4;
        }
    }

    public void CheckFinished()
    {
        if (_position != _bytes.Length || _state != Rans64.LowerBound)
            throw new BitstreamException("rANS stream is corrupt (it does not end in the encoder's initial state)");
    }
}
