using System.Numerics;
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
    private readonly double[] _values;
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
        _values = _indices.Select(k => spectrum[k]).ToArray();
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
        // Branch-free: the parity of (k AND m) flips the sign bit of X[k] (a branch mispredicts half the time).
        double sum = 0;
        for (int i = 0; i < _indices.Length; i++)
        {
            ulong parity = (ulong)BitOperations.PopCount(_indices[i] & input) & 1;
            sum += BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(_values[i]) ^ (long)(parity << 63));
        }
        return _noise is null ? sum : sum + _noiseStd * _noise.NextGaussian();
    }
}
