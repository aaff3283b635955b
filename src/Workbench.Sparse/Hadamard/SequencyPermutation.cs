namespace Workbench.Sparse.Hadamard;

/// <summary>Maps sequency (Walsh) order to natural (Hadamard) order.</summary>
public static class SequencyPermutation
{
    /// <summary>Natural index of the Walsh function with <paramref name="sequency"/> sign changes among
    /// 2^<paramref name="log2Length"/> points: bit reversal of the Gray code of the sequency.</summary>
    public static int NaturalIndex(int sequency, int log2Length)
    {
        uint gray = (uint)(sequency ^ (sequency >> 1));
        return log2Length == 0 ? 0 : (int)(ReverseBits(gray) >> (32 - log2Length));
    }

    /// <summary>Rewrites a naturally ordered spectrum in sequency order: out[s] = y[NaturalIndex(s)].</summary>
    internal static void NaturalToSequency<T>(Span<T> data, int log2Length)
    {
        var copy = data.ToArray();
        for (int s = 0; s < data.Length; s++)
            data[s] = copy[NaturalIndex(s, log2Length)];
    }

    private static uint ReverseBits(uint v)
    {
        v = ((v >> 1) & 0x55555555u) | ((v & 0x55555555u) << 1);
        v = ((v >> 2) & 0x33333333u) | ((v & 0x33333333u) << 2);
        v = ((v >> 4) & 0x0F0F0F0Fu) | ((v & 0x0F0F0F0Fu) << 4);
        v = ((v >> 8) & 0x00FF00FFu) | ((v & 0x00FF00FFu) << 8);
        return (v >> 16) | (v << 16);
    }
}
