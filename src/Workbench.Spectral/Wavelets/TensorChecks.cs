using static TorchSharp.torch;

namespace Workbench.Spectral.Wavelets;

internal static class TensorChecks
{
    public static void RequireSignal(Tensor x, int dims, string what)
    {
        if (x.dim() < dims)
            throw new ArgumentException(
                $"{what}: expected a tensor with at least {dims} dimension(s), got shape [{string.Join(", ", x.shape)}].");
        if (!x.is_floating_point())
            throw new ArgumentException($"{what}: expected a floating-point tensor, got {x.dtype}.");
        for (var d = 1; d <= dims; d++)
            if (x.shape[^d] < 1)
                throw new ArgumentException($"{what}: transformed axes must not be empty, got shape [{string.Join(", ", x.shape)}].");
    }

    public static void RequireLevels(int levels, Wavelet wavelet, int shortestAxis, string what)
    {
        var max = wavelet.MaxLevel(shortestAxis);
        if (levels < 1 || levels > max)
            throw new ArgumentException(
                $"{what}: levels must be in 1..{max} for {wavelet.PywtName} on {shortestAxis} samples (pywt.dwt_max_level), got {levels}.");
    }

    public static void RequireSameShape(Tensor a, Tensor b, string what)
    {
        if (!a.shape.SequenceEqual(b.shape))
            throw new ArgumentException(
                $"{what}: expected equal shapes, got [{string.Join(", ", a.shape)}] and [{string.Join(", ", b.shape)}].");
    }

    /// <summary>pywt.waverec's rule: an approximation one longer than the details along an axis loses its last sample.</summary>
    public static Tensor TrimToDetail(Tensor approximation, Tensor detail, int dim, string what)
    {
        var a = approximation.size(dim);
        var d = detail.size(dim);
        if (a == d + 1) return approximation.narrow(dim, 0, d);
        if (a == d) return approximation;
        throw new ArgumentException(
            $"{what}: approximation of length {a} does not fit details of length {d} along dimension {dim}.");
    }

    public static long[] WithTail(long[] leading, params long[] tail) => [.. leading, .. tail];
}
