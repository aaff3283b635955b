namespace Workbench.Codec.Entropy.Cdf;

/// <summary>
/// Integer cumulative distributions with <see cref="PrecisionBits"/> bits of precision: cdf[0] = 0, cdf[^1] = 2^16,
/// strictly increasing, so every symbol has frequency >= 1 and any value can be coded.
/// </summary>
public static class QuantizedCdf
{
    public const int PrecisionBits = 16;
    public const int Total = 1 << PrecisionBits;

    /// <summary>
    /// Quantises a pmf over m in-range symbols plus one escape symbol of probability <paramref name="tailMass"/> to a
    /// cdf of length m + 2. Each symbol gets 1 and the remaining 2^16 - (m + 1) counts are split proportionally, the
    /// rounding remainder going to the largest fractional parts (ties to the lower index): only IEEE double products,
    /// quotients and floors, so the result is the same on every machine.
    /// </summary>
    public static int[] FromPmf(ReadOnlySpan<double> pmf, double tailMass)
    {
        var symbols = pmf.Length + 1;
        if (pmf.Length == 0) throw new ArgumentException("pmf must have at least one symbol", nameof(pmf));
        if (symbols > Total) throw new ArgumentException($"{symbols} symbols do not fit a {PrecisionBits}-bit cdf", nameof(pmf));

        var weights = new double[symbols];
        var sum = 0.0;
        for (var i = 0; i < symbols; i++)
        {
            var p = i < pmf.Length ? pmf[i] : tailMass;
            if (!double.IsFinite(p) || p < 0) throw new ArgumentException($"probability {p} at symbol {i} is negative or not finite", nameof(pmf));
            weights[i] = p;
            sum += p;
        }

        var spare = Total - symbols;
        var frequencies = new int[symbols];
        var remainders = new double[symbols];
        var assigned = 0;
        for (var i = 0; i < symbols; i++)
        {
            var share = sum > 0 ? weights[i] / sum * spare : (double)spare / symbols;
            var whole = Math.Min(Math.Floor(share), spare - assigned);
            frequencies[i] = 1 + (int)whole;
            remainders[i] = share - whole;
            assigned += (int)whole;
        }

        var order = Enumerable.Range(0, symbols).OrderByDescending(i => remainders[i]).ThenBy(i => i).ToArray();
        for (var k = 0; assigned < spare; k = (k + 1) % symbols, assigned++)
            frequencies[order[k]]++;

        var cdf = new int[symbols + 1];
        for (var i = 0; i < symbols; i++) cdf[i + 1] = cdf[i] + frequencies[i];
        return cdf;
    }

    /// <summary>Checks the invariants of a cdf read from a file; throws <see cref="BitstreamException"/> naming the first violation.</summary>
    public static void Validate(ReadOnlySpan<int> cdf, string what)
    {
        if (cdf.Length < 2) throw new BitstreamException($"{what}: cdf needs at least one symbol");
        if (cdf[0] != 0 || cdf[^1] != Total) throw new BitstreamException($"{what}: cdf must run from 0 to {Total}");
        for (var i = 1; i < cdf.Length; i++)
            if (cdf[i] <= cdf[i - 1]) throw new BitstreamException($"{what}: cdf is not strictly increasing at symbol {i - 1}");
    }

    /// <summary>The symbol s with cdf[s] <= slot < cdf[s + 1] (binary search).</summary>
    internal static int Find(ReadOnlySpan<int> cdf, uint slot)
    {
        int low = 0, high = cdf.Length - 2;
        while (low < high)
        {
            var mid = (low + high + 1) >> 1;
            if (cdf[mid] <= slot) low = mid; else high = mid - 1;
        }
        return low;
    }
}
