using TorchSharp;
using Workbench.Core.Runtime;
using static TorchSharp.torch;

namespace Workbench.Spectral.Cosine;

/// <summary>
/// Orthonormal DCT-II and its inverse, the orthonormal DCT-III (scipy.fft.dct/idct with norm='ortho'), along any dim,
/// any length, in O(N log N) through one real FFT of length N, differentiable.
///
/// Derivation (Makhoul's reordering, valid for odd and even N): put v[n] = x[2n] for n &lt; ceil(N/2) and
/// v[N-1-n] = x[2n+1] for n &lt; floor(N/2). Then sum_n x_n cos(pi k (2n+1) / 2N) = Re(W_k V_k) with V = fft(v) and
/// W_k = exp(-i pi k / 2N). For real v, V_{N-k} = conj(V_k) gives Re(W_{N-k} V_{N-k}) = -Im(W_k V_k), so the rfft half
/// k = 0..floor(N/2) yields every output: Y_k = Re(W_k V_k), Y_{N-k} = -Im(W_k V_k). The orthonormal scale is
/// sqrt(1/N) at k = 0 and sqrt(2/N) elsewhere. The inverse runs the same steps backwards:
/// W_k V_k = Y_k - i Y_{N-k} (Y_N = 0), v = irfft(V), then x = v read through the inverse permutation.
/// </summary>
public static class Dct
{
    /// <summary>Orthonormal DCT-II of <paramref name="x"/> along <paramref name="dim"/>.</summary>
    public static Tensor Forward(Tensor x, long dim = -1)
    {
        TensorAxes.RequireReal(x, "DCT-II");
        var d = TensorAxes.Normalize(x, dim, "DCT-II");
        var n = x.shape[d];
        if (n == 1) return x.clone();
        var plan = new Plan(n);
        var v = cat(new[] { x.slice(d, 0, n, 2), x.slice(d, 1, n, 2).flip(d) }, d);
        var parts = view_as_real(fft.rfft(v, dim: d));
        var re = parts.select(-1, 0);
        var im = parts.select(-1, 1);
        var low = re * Along(plan.LowRe, d, x) + im * Along(plan.LowIm, d, x);
        var count = (n + 1) / 2 - 1;
        var high = re.narrow(d, 1, count) * Along(plan.HighRe, d, x) + im.narrow(d, 1, count) * Along(plan.HighIm, d, x);
        return cat(new[] { low, high.flip(d) }, d);
    }

    /// <summary>Orthonormal DCT-III along <paramref name="dim"/>: the inverse of <see cref="Forward"/>.</summary>
    public static Tensor Inverse(Tensor coefficients, long dim = -1)
    {
        TensorAxes.RequireReal(coefficients, "DCT-III");
        var d = TensorAxes.Normalize(coefficients, dim, "DCT-III");
        var n = coefficients.shape[d];
        if (n == 1) return coefficients.clone();
        var plan = new Plan(n);
        var y = coefficients;
        var direct = y.narrow(d, 0, n / 2 + 1);
        // Entry k holds y[N-k] for k >= 1; entry 0 is a placeholder whose coefficients are zero (y[N] does not exist).
        var mirrored = cat(new[] { y.narrow(d, 0, 1), y.narrow(d, n - n / 2, n / 2).flip(d) }, d);
        var re = direct * Along(plan.InverseReDirect, d, y) + mirrored * Along(plan.InverseReMirrored, d, y);
        var im = direct * Along(plan.InverseImDirect, d, y) + mirrored * Along(plan.InverseImMirrored, d, y);
        var v = fft.irfft(complex(re, im), n, d);
        var evens = v.narrow(d, 0, (n + 1) / 2);
        var odds = v.narrow(d, (n + 1) / 2, n / 2).flip(d);
        var interleaved = stack(new[] { evens.narrow(d, 0, n / 2), odds }, d + 1).flatten(d, d + 1);
        return n % 2 == 0 ? interleaved : cat(new[] { interleaved, evens.narrow(d, n / 2, 1) }, d);
    }

    /// <summary>Orthonormal DCT-II over several dims (applied axis by axis).</summary>
    public static Tensor ForwardN(Tensor x, params long[] dims)
    {
        RequireDims(dims, "DCT-II");
        return TensorAxes.Normalize(x, dims, "DCT-II").Aggregate(x, (acc, d) => Forward(acc, d));
    }

    /// <summary>Orthonormal DCT-III over several dims: the inverse of <see cref="ForwardN"/>.</summary>
    public static Tensor InverseN(Tensor coefficients, params long[] dims)
    {
        RequireDims(dims, "DCT-III");
        return TensorAxes.Normalize(coefficients, dims, "DCT-III").Aggregate(coefficients, (acc, d) => Inverse(acc, d));
    }

    public static Tensor Forward2(Tensor x) => ForwardN(x, -2, -1);
    public static Tensor Inverse2(Tensor coefficients) => InverseN(coefficients, -2, -1);
    public static Tensor Forward3(Tensor x) => ForwardN(x, -3, -2, -1);
    public static Tensor Inverse3(Tensor coefficients) => InverseN(coefficients, -3, -2, -1);

    private static Tensor Along(double[] values, long dim, Tensor like) =>
        TensorAxes.AlongAxis(DeviceConstants.Values(values, [values.Length], like.dtype, like.device), dim, like.dim());

    /// <summary>
    /// Real coefficients of one length, so each pass is real multiply-adds on strided views (a broadcast complex multiply
    /// and index gathers are several times slower on CPU). With theta_k = -pi k / 2N, c_k = cos theta_k,
    /// s_k = sin theta_k and scale s_0 = sqrt(1/N), s_j = sqrt(2/N): output j &lt;= N/2 is
    /// scale_j (c_j Re V_j - s_j Im V_j); output N - k for k = 1..ceil(N/2)-1 is -scale_{N-k} (s_k Re V_k + c_k Im V_k).
    /// The inverse forms V_k = conj(W_k) (R_k - i R_{N-k}) with R = y / scale and R_N = 0.
    /// </summary>
    private sealed class Plan
    {
        public Plan(long n)
        {
            var half = n / 2 + 1;
            var high = (n + 1) / 2 - 1;
            double Scale(long j) => Math.Sqrt((j == 0 ? 1.0 : 2.0) / n);
            double Cos(long k) => Math.Cos(-Math.PI * k / (2.0 * n));
            double Sin(long k) => Math.Sin(-Math.PI * k / (2.0 * n));

            LowRe = new double[half];
            LowIm = new double[half];
            InverseReDirect = new double[half];
            InverseReMirrored = new double[half];
            InverseImDirect = new double[half];
            InverseImMirrored = new double[half];
            for (long k = 0; k < half; k++)
            {
                LowRe[k] = Scale(k) * Cos(k);
                LowIm[k] = -Scale(k) * Sin(k);
                var mirrored = k == 0 ? 0.0 : 1.0 / Scale(n - k);
                InverseReDirect[k] = Cos(k) / Scale(k);
                InverseReMirrored[k] = -Sin(k) * mirrored;
                InverseImDirect[k] = -Sin(k) / Scale(k);
                InverseImMirrored[k] = -Cos(k) * mirrored;
            }

            HighRe = new double[high];
            HighIm = new double[high];
            for (long k = 1; k <= high; k++)
            {
                HighRe[k - 1] = -Scale(n - k) * Sin(k);
                HighIm[k - 1] = -Scale(n - k) * Cos(k);
            }
        }

        public double[] LowRe { get; }
        public double[] LowIm { get; }
        public double[] HighRe { get; }
        public double[] HighIm { get; }
        public double[] InverseReDirect { get; }
        public double[] InverseReMirrored { get; }
        public double[] InverseImDirect { get; }
        public double[] InverseImMirrored { get; }
    }

    private static void RequireDims(long[] dims, string what)
    {
        if (dims.Length == 0) throw new ArgumentException($"{what}: expected at least one dim.");
    }
}
