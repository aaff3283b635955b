using TorchSharp;
using Workbench.Core.Errors;
using static TorchSharp.torch;

namespace Workbench.Spectral.Fourier;

/// <summary>
/// Wavenumber grids in FFT order. Integer wavenumbers of a full axis of size n are 0, 1, ..., ceil(n/2)-1,
/// -floor(n/2), ..., -1 (numpy's fftfreq(n, 1/n)); a half axis (rfft) has 0, ..., floor(n/2). Angular wavenumbers on
/// a periodic domain of length L are kappa = 2 pi k / L.
/// </summary>
public static class Wavenumbers
{
    public static Tensor Integer(long n, ScalarType dtype, Device device)
    {
        RequirePositive(n);
        var k = arange(n, ScalarType.Int64, device);
        return where(k >= (n + 1) / 2, k - n, k).to(dtype);
    }

    public static Tensor IntegerHalf(long n, ScalarType dtype, Device device)
    {
        RequirePositive(n);
        return arange(n / 2 + 1, dtype, device);
    }

    /// <summary>numpy.fft.fftfreq(n, d): cycles per unit of the sample spacing d.</summary>
    public static Tensor Frequencies(long n, double spacing, ScalarType dtype, Device device) =>
        Integer(n, ScalarType.Float64, device).div(n * spacing).to(dtype);

    /// <summary>numpy.fft.rfftfreq(n, d).</summary>
    public static Tensor HalfFrequencies(long n, double spacing, ScalarType dtype, Device device) =>
        IntegerHalf(n, ScalarType.Float64, device).div(n * spacing).to(dtype);

    public static Tensor Angular(long n, double length, ScalarType dtype, Device device) =>
        Integer(n, ScalarType.Float64, device).mul(2 * Math.PI / RequireLength(length)).to(dtype);

    public static Tensor AngularHalf(long n, double length, ScalarType dtype, Device device) =>
        IntegerHalf(n, ScalarType.Float64, device).mul(2 * Math.PI / RequireLength(length)).to(dtype);

    /// <summary>
    /// One wavenumber tensor per axis of an n-D grid of physical sizes <paramref name="sizes"/>, axis i shaped
    /// [1, .., n_i, .., 1] so they broadcast over the spectrum. With <paramref name="lastAxisHalf"/> the last axis
    /// is the rfft half axis (floor(n/2)+1 entries). Integer k when <paramref name="length"/> is null, else 2 pi k / L.
    /// </summary>
    public static Tensor[] Grid(long[] sizes, bool lastAxisHalf, double? length, ScalarType dtype, Device device)
    {
        var rank = sizes.Length;
        var axes = new Tensor[rank];
        for (var i = 0; i < rank; i++)
        {
            var half = lastAxisHalf && i == rank - 1;
            var k = (half, length) switch
            {
                (true, null) => IntegerHalf(sizes[i], dtype, device),
                (false, null) => Integer(sizes[i], dtype, device),
                (true, double l) => AngularHalf(sizes[i], l, dtype, device),
                (false, double l) => Angular(sizes[i], l, dtype, device),
            };
            axes[i] = TensorAxes.AlongAxis(k, i, rank);
        }
        return axes;
    }

    /// <summary>|k|^2 (or |kappa|^2 with a length) over the spectrum grid, shape = the spectrum's shape along the axes.</summary>
    public static Tensor SquaredMagnitude(long[] sizes, bool lastAxisHalf, double? length, ScalarType dtype, Device device)
    {
        var axes = Grid(sizes, lastAxisHalf, length, ScalarType.Float64, device);
        var sum = axes[0].square();
        for (var i = 1; i < axes.Length; i++) sum = sum + axes[i].square();
        return sum.to(dtype);
    }

    /// <summary>The spectrum's shape along the transformed axes: the sizes, with the last halved when it is an rfft axis.</summary>
    public static long[] SpectrumShape(long[] sizes, bool lastAxisHalf)
    {
        var shape = (long[])sizes.Clone();
        if (lastAxisHalf) shape[^1] = sizes[^1] / 2 + 1;
        return shape;
    }

    private static void RequirePositive(long n)
    {
        if (n < 1) throw new WorkbenchException($"wavenumbers: expected a positive grid size, got {n}.");
    }

    private static double RequireLength(double length) =>
        length > 0 && double.IsFinite(length) ? length
            : throw new WorkbenchException($"wavenumbers: expected a positive domain length, got {length}.");
}
