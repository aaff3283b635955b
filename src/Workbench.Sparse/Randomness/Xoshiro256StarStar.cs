using System.Numerics;

namespace Workbench.Sparse.Randomness;

/// <summary>xoshiro256** (Blackman, Vigna 2018) seeded through SplitMix64: the one source of randomness of
/// Workbench.Sparse, so that a seed reproduces a run bit-for-bit on any machine.</summary>
public sealed class Xoshiro256StarStar
{
    private ulong _s0, _s1, _s2, _s3;
    private double? _spareGaussian;

    public Xoshiro256StarStar(ulong seed)
    {
        var mix = new SplitMix64(seed);
        _s0 = mix.Next(); _s1 = mix.Next(); _s2 = mix.Next(); _s3 = mix.Next();
    }

    public ulong NextUInt64()
    {
        ulong result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0; _s3 ^= _s1; _s1 ^= _s2; _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform on [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform on [0, 2^bits) for bits in 0..64.</summary>
    public ulong NextBits(int bits) => bits == 0 ? 0 : NextUInt64() >> (64 - bits);

    /// <summary>Uniform integer in [0, bound) without modulo bias (rejection).</summary>
    public ulong NextBelow(ulong bound)
    {
        if (bound == 0) throw new ArgumentOutOfRangeException(nameof(bound));
        ulong limit = ulong.MaxValue - ulong.MaxValue % bound;
        ulong r;
        do r = NextUInt64(); while (r >= limit);
        return r % bound;
    }

    /// <summary>Standard normal by the polar Box-Muller method.</summary>
    public double NextGaussian()
    {
        if (_spareGaussian is double spare)
        {
            _spareGaussian = null;
            return spare;
        }
        double u, v, s;
        do
        {
            u = 2 * NextDouble() - 1;
            v = 2 * NextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double factor = Math.Sqrt(-2 * Math.Log(s) / s);
        _spareGaussian = v * factor;
        return u * factor;
    }
}
