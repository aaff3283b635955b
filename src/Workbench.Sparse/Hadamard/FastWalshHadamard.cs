using System.Numerics;
using System.Runtime.Intrinsics;

namespace Workbench.Sparse.Hadamard;

/// <summary>
/// In-place fast Walsh-Hadamard transform of a power-of-two length span: y[k] = sum_m x[m] (-1)^popcount(k AND m)
/// (natural order), optionally reordered by sequency and scaled by 1/sqrt(N).
/// <para>Cache blocking: stages whose butterflies stay inside a 16 KiB block run block by block (all small strides
/// of one block while it sits in L1), then the stages up to a 256 KiB block, then the remaining strides as fused
/// radix-8 passes over the whole array. Every element sees the same sequence of additions in any schedule, so
/// results are bit-for-bit identical for any thread count.</para>
/// </summary>
public static class FastWalshHadamard
{
    /// <summary>Lengths below this run on one thread whatever the threads argument.</summary>
    public const int ParallelThreshold = 1 << 18;

    private const int L1BlockBytes = 16 * 1024;
    private const int L2BlockBytes = 256 * 1024;
    private const int ColumnsPerWorkItem = 2048;

    /// <summary>Transforms <paramref name="data"/> in place.</summary>
    /// <param name="threads">Worker threads (1 = this thread only; values above 1 apply from
    /// <see cref="ParallelThreshold"/> elements).</param>
    public static void Transform(Span<float> data, WalshOrder order = WalshOrder.Natural,
        WhtNormalization normalization = WhtNormalization.None, int threads = 1)
        => Run(data, order, normalization, threads, SmallStrideKernels.AvxAvailable);

    /// <inheritdoc cref="Transform(Span{float}, WalshOrder, WhtNormalization, int)"/>
    public static void Transform(Span<double> data, WalshOrder order = WalshOrder.Natural,
        WhtNormalization normalization = WhtNormalization.None, int threads = 1)
        => Run(data, order, normalization, threads, SmallStrideKernels.AvxAvailable);

    /// <summary>log2 of a power-of-two length; ArgumentException naming <paramref name="what"/> otherwise.</summary>
    public static int Log2OfPowerOfTwo(int length, string what)
    {
        if (length <= 0 || !BitOperations.IsPow2(length))
            throw new ArgumentException($"{what} must have a power-of-two length (1, 2, 4, ...), got {length}.", what);
        return BitOperations.Log2((uint)length);
    }

    internal static unsafe void Run<T>(Span<T> data, WalshOrder order, WhtNormalization normalization, int threads,
        bool avxSmallStrides) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int log2N = Log2OfPowerOfTwo(data.Length, "data");
        if (threads < 1)
            throw new ArgumentException($"threads must be >= 1, got {threads}.", nameof(threads));
        var plan = new Plan<T>(threads > 1 && data.Length >= ParallelThreshold ? threads : 1, avxSmallStrides);
        fixed (T* x = data)
        {
            plan.Transform(x, log2N, plan.Threads > 1);
        }
        if (order == WalshOrder.Sequency)
            SequencyPermutation.NaturalToSequency(data, log2N);
        if (normalization == WhtNormalization.Orthonormal)
            Scale(data, T.CreateChecked(1.0 / Math.Sqrt(data.Length)));
    }

    private static void Scale<T>(Span<T> data, T factor) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var f = Vector256.Create(factor);
            for (; i + Vector256<T>.Count <= data.Length; i += Vector256<T>.Count)
                (Vector256.Create<T>(data.Slice(i, Vector256<T>.Count)) * f).CopyTo(data.Slice(i, Vector256<T>.Count));
        }
        for (; i < data.Length; i++)
            data[i] *= factor;
    }

    private readonly unsafe struct Plan<T>(int threads, bool avxSmallStrides) where T : unmanaged
    {
        private static readonly int Log2Width = BitOperations.Log2((uint)Vector256<T>.Count);
        private static readonly int L1Log = BitOperations.Log2((uint)(L1BlockBytes / sizeof(T)));
        private static readonly int L2Log = BitOperations.Log2((uint)(L2BlockBytes / sizeof(T)));

        public int Threads { get; } = threads;

        public void Transform(T* x, int log2N, bool parallel)
        {
            if (log2N <= L1Log)
            {
                InCache(x, log2N);
                return;
            }
            int blockLog = log2N > L2Log ? L2Log : L1Log;
            int blocks = 1 << (log2N - blockLog);
            if (parallel)
            {
                var self = this;
                nint address = (nint)x;
                Parallel.For(0, blocks, Options(), b => self.Transform((T*)address + ((long)b << blockLog), blockLog, false));
            }
            else
            {
                for (int b = 0; b < blocks; b++)
                    Transform(x + ((long)b << blockLog), blockLog, false);
            }
            Stages(x, log2N, blockLog, parallel);
        }

        private void InCache(T* x, int log2N)
        {
            SmallStrideKernels.Apply(x, 1 << log2N, avxSmallStrides);
            if (log2N > Log2Width)
                Stages(x, log2N, Log2Width, false);
        }

        /// <summary>Stages with strides 2^from .. 2^(log2N-1), three at a time.</summary>
        private void Stages(T* x, int log2N, int from, bool parallel)
        {
            for (int s = from; s < log2N;)
            {
                int fused = Math.Min(3, log2N - s);
                int h = 1 << s, radix = 1 << fused;
                int groupLength = h * radix;
                int groups = (1 << log2N) / groupLength;
                if (parallel)
                {
                    int chunk = Math.Min(h, ColumnsPerWorkItem);
                    int chunksPerGroup = h / chunk;
                    nint address = (nint)x;
                    Parallel.For(0, groups * chunksPerGroup, Options(), item =>
                    {
                        int g = item / chunksPerGroup, c0 = item % chunksPerGroup * chunk;
                        LargeStrideKernels.Apply((T*)address + (long)g * groupLength, h, radix, c0, c0 + chunk);
                    });
                }
                else
                {
                    for (int g = 0; g < groups; g++)
                        LargeStrideKernels.Apply(x + (long)g * groupLength, h, radix, 0, h);
                }
                s += fused;
            }
        }

        private ParallelOptions Options() => new() { MaxDegreeOfParallelism = Threads };
    }
}
