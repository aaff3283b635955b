using System.Numerics;
using System.Runtime.Intrinsics;
using Workbench.Sparse.Randomness;

namespace Workbench.Sparse.Spright;

/// <summary>
/// f(m) = sum_k X[k] (-1)^popcount(k AND m) + w, with w ~ N(0, NoiseVariance) drawn afresh for every query from
/// a seeded generator. X is the Walsh spectrum that SPRIGHT recovers; the dense transform of the noiseless
/// samples is N X.
/// </summary>
public sealed class SparseWalshFunction : IPseudoBooleanFunction
{
    private readonly ulong[] _indices;
    private readonly ulong[] _valueBits;
    private readonly Xoshiro256StarStar? _noise;
    private readonly double _noiseStd;

    public SparseWalshFunction(int inputBits, IReadOnlyDictionary<ulong, double> spectrum, double noiseVariance = 0,
        ulong noiseSeed = 0)
    {
        if (inputBits < 1 || inputBits > 60)
            throw new ArgumentException($"inputBits must be in 1..60, got {inputBits}.", nameof(inputBits));
        if (noiseVariance < 0 || double.IsNaN(noiseVariance))
            throw new ArgumentException($"noiseVariance must be >= 0, got {noiseVariance}.", nameof(noiseVariance));
        InputBits = inputBits;
        Spectrum = spectrum;
        NoiseVariance = noiseVariance;
        _indices = spectrum.Keys.ToArray();
        _valueBits = _indices.Select(k => BitConverter.DoubleToUInt64Bits(spectrum[k])).ToArray();
        if (_indices.Any(k => k >> inputBits != 0))
            throw new ArgumentException($"spectrum has an index with more than {inputBits} bits.", nameof(spectrum));
        _noiseStd = Math.Sqrt(noiseVariance);
        _noise = noiseVariance > 0 ? new Xoshiro256StarStar(noiseSeed) : null;
    }

    public int InputBits { get; }

    public IReadOnlyDictionary<ulong, double> Spectrum { get; }

    public double NoiseVariance { get; }

    public double Evaluate(ulong input)
    {
        // Branch-free: the parity of (k AND m) flips the sign bit of X[k] (a branch mispredicts half the time). Eight
        // partial sums (two 4-lane vectors) added in a fixed order, so the result does not depend on the hardware.
        var m = Vector256.Create(input);
        var low = Vector256<double>.Zero;
        var high = Vector256<double>.Zero;
        int i = 0;
        for (; i + 8 <= _indices.Length; i += 8)
        {
            low += SignedTerms(Vector256.LoadUnsafe(ref _indices[i]) & m, Vector256.LoadUnsafe(ref _valueBits[i]));
            high += SignedTerms(Vector256.LoadUnsafe(ref _indices[i + 4]) & m, Vector256.LoadUnsafe(ref _valueBits[i + 4]));
        }
        var lanes = low + high;
        double sum = (lanes[0] + lanes[1]) + (lanes[2] + lanes[3]);
        for (; i < _indices.Length; i++)
        {
            ulong parity = (ulong)BitOperations.PopCount(_indices[i] & input) & 1;
            sum += BitConverter.UInt64BitsToDouble(_valueBits[i] ^ (parity << 63));
        }
        return _noise is null ? sum : sum + _noiseStd * _noise.NextGaussian();
    }

    /// <summary>(-1)^popcount(masked) X for four terms: the parity folded into bit 0, then moved onto the sign bit.</summary>
    private static Vector256<double> SignedTerms(Vector256<ulong> masked, Vector256<ulong> valueBits)
    {
        masked ^= Vector256.ShiftRightLogical(masked, 32);
        masked ^= Vector256.ShiftRightLogical(masked, 16);
        masked ^= Vector256.ShiftRightLogical(masked, 8);
        masked ^= Vector256.ShiftRightLogical(masked, 4);
        masked ^= Vector256.ShiftRightLogical(masked, 2);
        masked ^= Vector256.ShiftRightLogical(masked, 1);
        return (valueBits ^ Vector256.ShiftLeft(masked, 63)).AsDouble();
    }
}
