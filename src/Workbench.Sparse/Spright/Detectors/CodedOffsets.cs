using Workbench.Sparse.Randomness;

namespace Workbench.Sparse.Spright.Detectors;

/// <summary>
/// Offsets from the generator of a systematic low-density parity-check code. The unknowns are the n + 1 sign bits
/// z_0 = s and z_q = s XOR k_q (s is the sign bit of alpha (-1)^{&lt;r,k&gt;} for a random base offset r): offset r
/// reads z_0, offset r XOR e_q reads z_q, and parity offset j, r XOR (sum of e_q over q in S_j \ {0}) for a
/// 3-element set S_j of {0..n}, reads t_j = XOR_{q in S_j} z_q (|S_j| odd makes s cancel to the right parity).
/// Every variable sits in about 3 M / (n + 1) checks (sets drawn from shuffled rounds of 0..n). Decoding is
/// normalised min-sum on the bin values themselves: U_p is proportional to the log-likelihood ratio of its bit
/// (2 |alpha| U_p / sigma^2), and min-sum is invariant to that common scale.
/// </summary>
internal sealed class CodedOffsets : OffsetDesign
{
    private const int CheckDegree = 4;
    private const int MaxIterations = 30;
    private const double Normalisation = 0.8;

    private readonly int _inputBits;
    private readonly int[] _checkVariables;

    private CodedOffsets(ulong[] offsets, int inputBits, int[] checkVariables) : base(offsets)
    {
        _inputBits = inputBits;
        _checkVariables = checkVariables;
    }

    public static CodedOffsets Create(int inputBits, int parityOffsets, Xoshiro256StarStar rng)
    {
        int systematic = inputBits + 1;
        ulong baseOffset = rng.NextBits(inputBits);
        var offsets = new ulong[systematic + parityOffsets];
        var checkVariables = new int[parityOffsets * CheckDegree];
        offsets[0] = baseOffset;
        for (int q = 1; q <= inputBits; q++) offsets[q] = baseOffset ^ (1UL << (q - 1));

        var pool = new Queue<int>();
        for (int j = 0; j < parityOffsets; j++)
        {
            var set = new List<int>(3);
            while (set.Count < 3)
            {
                if (pool.Count == 0) Refill(pool, systematic, rng);
                int v = pool.Dequeue();
                if (set.Contains(v))
                {
                    if (pool.Count < 3) Refill(pool, systematic, rng);
                    pool.Enqueue(v);
                    continue;
                }
                set.Add(v);
            }
            ulong d = baseOffset;
            for (int i = 0; i < 3; i++)
            {
                checkVariables[j * CheckDegree + i] = set[i];
                if (set[i] != 0) d ^= 1UL << (set[i] - 1);
            }
            checkVariables[j * CheckDegree + 3] = systematic + j;
            offsets[systematic + j] = d;
        }
        return new CodedOffsets(offsets, inputBits, checkVariables);
    }

    public override ulong EstimateIndex(ReadOnlySpan<double> u)
    {
        int variables = Count, edges = _checkVariables.Length;
        Span<double> total = variables <= 512 ? stackalloc double[variables] : new double[variables];
        Span<double> toVariable = edges <= 1024 ? stackalloc double[edges] : new double[edges];
        toVariable.Clear();
        for (int iteration = 0; iteration < MaxIterations; iteration++)
        {
            u.CopyTo(total);
            for (int e = 0; e < edges; e++) total[_checkVariables[e]] += toVariable[e];
            if (iteration > 0 && ChecksHold(total)) break;
            for (int e0 = 0; e0 < edges; e0 += CheckDegree)
                UpdateCheck(total, toVariable.Slice(e0, CheckDegree), e0);
        }
        u.CopyTo(total);
        for (int e = 0; e < edges; e++) total[_checkVariables[e]] += toVariable[e];

        bool z0 = total[0] < 0;
        ulong k = 0;
        for (int q = 1; q <= _inputBits; q++)
            if ((total[q] < 0) != z0) k |= 1UL << (q - 1);
        return k;
    }

    private void UpdateCheck(ReadOnlySpan<double> total, Span<double> messages, int e0)
    {
        Span<double> incoming = stackalloc double[CheckDegree];
        bool negative = false;
        double min1 = double.PositiveInfinity, min2 = double.PositiveInfinity;
        int minAt = -1;
        for (int i = 0; i < CheckDegree; i++)
        {
            double m = total[_checkVariables[e0 + i]] - messages[i];
            incoming[i] = m;
            negative ^= m < 0;
            double a = Math.Abs(m);
            if (a < min1) { min2 = min1; min1 = a; minAt = i; }
            else if (a < min2) min2 = a;
        }
        for (int i = 0; i < CheckDegree; i++)
        {
            double magnitude = Normalisation * (i == minAt ? min2 : min1);
            bool sign = negative ^ (incoming[i] < 0);
            messages[i] = sign ? -magnitude : magnitude;
        }
    }

    private bool ChecksHold(ReadOnlySpan<double> total)
    {
        for (int e0 = 0; e0 < _checkVariables.Length; e0 += CheckDegree)
        {
            bool parity = false;
            for (int i = 0; i < CheckDegree; i++) parity ^= total[_checkVariables[e0 + i]] < 0;
            if (parity) return false;
        }
        return true;
    }

    private static void Refill(Queue<int> pool, int count, Xoshiro256StarStar rng)
    {
        var order = Enumerable.Range(0, count).ToArray();
        for (int i = count - 1; i > 0; i--)
        {
            int j = (int)rng.NextBelow((ulong)i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        foreach (int v in order) pool.Enqueue(v);
    }
}
