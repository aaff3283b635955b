using Workbench.Codec.Entropy.Rans;

namespace Workbench.Codec.Entropy.Cdf;

/// <summary>
/// Codes integers with per-value cdfs from a <see cref="CdfTable"/>. A value outside its cdf's range is coded as the
/// escape symbol followed by bypass nibbles (uniform 4-bit symbols in the same rANS stream): first the nibble count,
/// then the zig-zag overflow, low nibble first.
/// </summary>
public static class SymbolCoder
{
    private const int NibbleBits = 4;
    private const int MaxNibbles = 9;

    public static byte[] Encode(ReadOnlySpan<int> values, ReadOnlySpan<int> cdfIndexes, CdfTable table)
    {
        if (values.Length != cdfIndexes.Length) throw new ArgumentException($"{values.Length} values but {cdfIndexes.Length} cdf indexes");
        var encoder = new RansEncoder();
        for (var i = 0; i < values.Length; i++)
        {
            var k = CheckIndex(cdfIndexes[i], table);
            var cdf = table.Cdf(k);
            var escape = table.InRangeSymbols(k);
            var symbol = (long)values[i] - table.Offset(k);
            if (symbol >= 0 && symbol < escape)
            {
                Put(encoder, cdf, (int)symbol);
                continue;
            }
            Put(encoder, cdf, escape);
            var overflow = symbol < 0 ? 2 * (ulong)(-symbol) - 1 : 2 * (ulong)(symbol - escape);
            var nibbles = 1;
            while (nibbles < MaxNibbles && overflow >> (NibbleBits * nibbles) != 0) nibbles++;
            encoder.Put((uint)nibbles, 1, NibbleBits);
            for (var n = 0; n < nibbles; n++) encoder.Put((uint)(overflow >> (NibbleBits * n)) & 0xF, 1, NibbleBits);
        }
        return encoder.Finish();
    }

    public static int[] Decode(ReadOnlySpan<byte> stream, ReadOnlySpan<int> cdfIndexes, CdfTable table)
    {
        var decoder = new RansDecoder(stream);
        var values = new int[cdfIndexes.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var k = CheckIndex(cdfIndexes[i], table);
            var cdf = table.Cdf(k);
            var escape = table.InRangeSymbols(k);
            var symbol = QuantizedCdf.Find(cdf, decoder.Peek(QuantizedCdf.PrecisionBits));
            decoder.Advance((uint)cdf[symbol], (uint)(cdf[symbol + 1] - cdf[symbol]), QuantizedCdf.PrecisionBits);
            if (symbol < escape)
            {
                values[i] = table.Offset(k) + symbol;
                continue;
            }
            var nibbles = (int)TakeNibble(decoder);
            if (nibbles is < 1 or > MaxNibbles) throw new BitstreamException($"corrupt bypass code (nibble count {nibbles})");
            var overflow = 0UL;
            for (var n = 0; n < nibbles; n++) overflow |= (ulong)TakeNibble(decoder) << (NibbleBits * n);
            var offsetSymbol = (overflow & 1) == 1 ? -(long)((overflow + 1) / 2) : (long)(overflow / 2) + escape;
            var value = table.Offset(k) + offsetSymbol;
            if (value is < int.MinValue or > int.MaxValue) throw new BitstreamException("corrupt bypass code (value out of range)");
            values[i] = (int)value;
        }
        decoder.CheckFinished();
        return values;
    }

    private static void Put(RansEncoder encoder, ReadOnlySpan<int> cdf, int symbol) =>
        encoder.Put((uint)cdf[symbol], (uint)(cdf[symbol + 1] - cdf[symbol]), QuantizedCdf.PrecisionBits);

    private static uint TakeNibble(RansDecoder decoder)
    {
        var nibble = decoder.Peek(NibbleBits);
        decoder.Advance(nibble, 1, NibbleBits);
        return nibble;
    }

    private static int CheckIndex(int index, CdfTable table) =>
        (uint)index < (uint)table.Count ? index : throw new ArgumentOutOfRangeException(nameof(index), $"cdf index {index} outside 0..{table.Count - 1}");
}
