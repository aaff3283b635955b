using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Workbench.Sparse.Hadamard;

/// <summary>
/// The butterfly stages whose stride is smaller than one Vector256 (h = 1, 2, 4 for float; h = 1, 2 for double).
/// The AVX version swaps lanes with permutes and adds a sign-flipped copy: lane i gets s + (+-v), which is
/// bit-identical to the scalar a + b / a - b (IEEE defines a - b as a + (-b), and addition commutes).
/// </summary>
internal static class SmallStrideKernels
{
    public static bool AvxAvailable => Avx.IsSupported && Vector256.IsHardwareAccelerated;

    /// <summary>All stages with stride below min(vector width, length) over data[0, length).</summary>
    public static unsafe void Apply<T>(T* x, int length, bool useAvx) where T : unmanaged
    {
        int width = Vector256<T>.Count;
        if (useAvx && length >= width)
        {
            if (typeof(T) == typeof(float)) AvxFloat((float*)x, length);
            else if (typeof(T) == typeof(double)) AvxDouble((double*)x, length);
            else throw new NotSupportedException(typeof(T).Name);
            return;
        }
        if (typeof(T) == typeof(float)) Scalar((float*)x, length, Math.Min(width, length));
        else if (typeof(T) == typeof(double)) Scalar((double*)x, length, Math.Min(width, length));
        else throw new NotSupportedException(typeof(T).Name);
    }

    private static unsafe void Scalar(float* x, int length, int upToStride)
    {
        for (int h = 1; h < upToStride; h <<= 1)
            for (int b = 0; b < length; b += 2 * h)
                for (int i = b; i < b + h; i++)
                {
                    float a = x[i], c = x[i + h];
                    x[i] = a + c;
                    x[i + h] = a - c;
                }
    }

    private static unsafe void Scalar(double* x, int length, int upToStride)
    {
        for (int h = 1; h < upToStride; h <<= 1)
            for (int b = 0; b < length; b += 2 * h)
                for (int i = b; i < b + h; i++)
                {
                    double a = x[i], c = x[i + h];
                    x[i] = a + c;
                    x[i + h] = a - c;
                }
    }

    private static unsafe void AvxFloat(float* x, int length)
    {
        var flip1 = Vector256.Create(0f, -0f, 0f, -0f, 0f, -0f, 0f, -0f);
        var flip2 = Vector256.Create(0f, 0f, -0f, -0f, 0f, 0f, -0f, -0f);
        var flip4 = Vector256.Create(0f, 0f, 0f, 0f, -0f, -0f, -0f, -0f);
        for (int i = 0; i < length; i += 8)
        {
            var v = Avx.LoadVector256(x + i);
            v = Avx.Add(Avx.Permute(v, 0b10_11_00_01), Avx.Xor(v, flip1));
            v = Avx.Add(Avx.Permute(v, 0b01_00_11_10), Avx.Xor(v, flip2));
            v = Avx.Add(Avx.Permute2x128(v, v, 0x01), Avx.Xor(v, flip4));
            Avx.Store(x + i, v);
        }
    }

    private static unsafe void AvxDouble(double* x, int length)
    {
        var flip1 = Vector256.Create(0d, -0d, 0d, -0d);
        var flip2 = Vector256.Create(0d, 0d, -0d, -0d);
        for (int i = 0; i < length; i += 4)
        {
            var v = Avx.LoadVector256(x + i);
            v = Avx.Add(Avx.Permute(v, 0b0101), Avx.Xor(v, flip1));
            v = Avx.Add(Avx.Permute2x128(v, v, 0x01), Avx.Xor(v, flip2));
            Avx.Store(x + i, v);
        }
    }
}
