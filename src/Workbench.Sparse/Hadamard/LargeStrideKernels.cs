using System.Runtime.Intrinsics;

namespace Workbench.Sparse.Hadamard;

/// <summary>
/// Butterflies for strides of at least one Vector256: 1, 2 or 3 consecutive stages (h, 2h, 4h) fused so that each
/// element is loaded and stored once per group of stages. Columns [c0, c1) of one group of radix*h elements.
/// </summary>
internal static class LargeStrideKernels
{
    public static unsafe void Apply<T>(T* group, int h, int radix, int c0, int c1) where T : unmanaged
    {
        switch (radix)
        {
            case 2: Radix2(group, h, c0, c1); break;
            case 4: Radix4(group, h, c0, c1); break;
            case 8: Radix8(group, h, c0, c1); break;
            default: throw new ArgumentOutOfRangeException(nameof(radix));
        }
    }

    private static unsafe void Radix2<T>(T* g, int h, int c0, int c1) where T : unmanaged
    {
        int w = Vector256<T>.Count;
        for (int c = c0; c < c1; c += w)
        {
            T* p = g + c;
            var a0 = Vector256.Load(p);
            var a1 = Vector256.Load(p + h);
            Vector256.Store(a0 + a1, p);
            Vector256.Store(a0 - a1, p + h);
        }
    }

    private static unsafe void Radix4<T>(T* g, int h, int c0, int c1) where T : unmanaged
    {
        int w = Vector256<T>.Count;
        for (int c = c0; c < c1; c += w)
        {
            T* p = g + c;
            var a0 = Vector256.Load(p);
            var a1 = Vector256.Load(p + h);
            var a2 = Vector256.Load(p + 2 * h);
            var a3 = Vector256.Load(p + 3 * h);
            var b0 = a0 + a1; var b1 = a0 - a1; var b2 = a2 + a3; var b3 = a2 - a3;
            Vector256.Store(b0 + b2, p);
            Vector256.Store(b1 + b3, p + h);
            Vector256.Store(b0 - b2, p + 2 * h);
            Vector256.Store(b1 - b3, p + 3 * h);
        }
    }

    private static unsafe void Radix8<T>(T* g, int h, int c0, int c1) where T : unmanaged
    {
        int w = Vector256<T>.Count;
        for (int c = c0; c < c1; c += w)
        {
            T* p = g + c;
            var a0 = Vector256.Load(p);
            var a1 = Vector256.Load(p + h);
            var a2 = Vector256.Load(p + 2 * h);
            var a3 = Vector256.Load(p + 3 * h);
            var a4 = Vector256.Load(p + 4 * h);
            var a5 = Vector256.Load(p + 5 * h);
            var a6 = Vector256.Load(p + 6 * h);
            var a7 = Vector256.Load(p + 7 * h);
            var b0 = a0 + a1; var b1 = a0 - a1; var b2 = a2 + a3; var b3 = a2 - a3;
            var b4 = a4 + a5; var b5 = a4 - a5; var b6 = a6 + a7; var b7 = a6 - a7;
            var d0 = b0 + b2; var d2 = b0 - b2; var d1 = b1 + b3; var d3 = b1 - b3;
            var d4 = b4 + b6; var d6 = b4 - b6; var d5 = b5 + b7; var d7 = b5 - b7;
            Vector256.Store(d0 + d4, p);
            Vector256.Store(d1 + d5, p + h);
            Vector256.Store(d2 + d6, p + 2 * h);
            Vector256.Store(d3 + d7, p + 3 * h);
            Vector256.Store(d0 - d4, p + 4 * h);
            Vector256.Store(d1 - d5, p + 5 * h);
            Vector256.Store(d2 - d6, p + 6 * h);
            Vector256.Store(d3 - d7, p + 7 * h);
        }
    }
}
