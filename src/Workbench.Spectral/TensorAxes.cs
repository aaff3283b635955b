using TorchSharp;
using static TorchSharp.torch;

namespace Workbench.Spectral;

/// <summary>Dimension and dtype bookkeeping shared by the transforms.</summary>
internal static class TensorAxes
{
    public static long Normalize(Tensor x, long dim, string what)
    {
        var rank = x.dim();
        var d = dim < 0 ? dim + rank : dim;
        if (d < 0 || d >= rank)
            throw new ArgumentException($"{what}: dim {dim} is out of range for a tensor of rank {rank}.");
        return d;
    }

    public static long[] Normalize(Tensor x, long[] dims, string what)
    {
        var result = dims.Select(d => Normalize(x, d, what)).ToArray();
        if (result.Distinct().Count() != result.Length)
            throw new ArgumentException($"{what}: dims [{string.Join(", ", dims)}] name the same axis twice.");
        return result;
    }

    /// <summary>The last <paramref name="count"/> dims, e.g. [-2, -1] as absolute indices.</summary>
    public static long[] Trailing(Tensor x, int count, string what)
    {
        if (x.dim() < count)
            throw new ArgumentException($"{what}: expected a tensor of rank >= {count}, got shape [{string.Join(", ", x.shape)}].");
        return Enumerable.Range(0, count).Select(i => x.dim() - count + i).ToArray();
    }

    public static bool IsComplex(ScalarType t) => t is ScalarType.ComplexFloat32 or ScalarType.ComplexFloat64;

    /// <summary>The real dtype matching a real or complex floating dtype.</summary>
    public static ScalarType RealOf(ScalarType t, string what) => t switch
    {
        ScalarType.Float32 or ScalarType.ComplexFloat32 => ScalarType.Float32,
        ScalarType.Float64 or ScalarType.ComplexFloat64 => ScalarType.Float64,
        ScalarType.Float16 => ScalarType.Float16,
        ScalarType.BFloat16 => ScalarType.BFloat16,
        _ => throw new ArgumentException($"{what}: expected a floating-point or complex tensor, got {t}."),
    };

    /// <summary>The complex dtype whose parts have the given real dtype.</summary>
    public static ScalarType ComplexOf(ScalarType t, string what) => t switch
    {
        ScalarType.Float32 or ScalarType.ComplexFloat32 => ScalarType.ComplexFloat32,
        ScalarType.Float64 or ScalarType.ComplexFloat64 => ScalarType.ComplexFloat64,
        _ => throw new ArgumentException($"{what}: expected float32, float64 or a complex tensor, got {t}."),
    };

    public static void RequireReal(Tensor x, string what)
    {
        if (!x.is_floating_point())
            throw new ArgumentException($"{what}: expected a real floating-point tensor, got {x.dtype}.");
    }

    /// <summary>Reshapes a 1-D tensor of length n so it broadcasts along axis <paramref name="dim"/> of a rank-r tensor.</summary>
    public static Tensor AlongAxis(Tensor vector, long dim, long rank)
    {
        var shape = Enumerable.Repeat(1L, (int)rank).ToArray();
        shape[dim] = vector.shape[0];
        return vector.reshape(shape);
    }

    public static string Shape(Tensor x) => $"[{string.Join(", ", x.shape)}]";
}
