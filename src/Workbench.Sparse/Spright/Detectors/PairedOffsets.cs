namespace Workbench.Sparse.Spright.Detectors;

/// <summary>
/// Chains of offsets r_i, r_i XOR e_1, ..., r_i XOR e_n. For a singleton, sign(U_{r_i}) and sign(U_{r_i XOR e_q})
/// differ exactly when k_q = 1; bit q is the majority over the chains (ties read 0). With the single chain r = 0
/// this is the noiseless detector (D = [0; I_n]).
/// </summary>
internal sealed class PairedOffsets : OffsetDesign
{
    private readonly int _inputBits;
    private readonly int _chains;

    public PairedOffsets(int inputBits, ulong[] chainStarts) : base(Layout(inputBits, chainStarts))
    {
        _inputBits = inputBits;
        _chains = chainStarts.Length;
    }

    public override ulong EstimateIndex(ReadOnlySpan<double> u)
    {
        ulong k = 0;
        int stride = _inputBits + 1;
        for (int q = 0; q < _inputBits; q++)
        {
            int flips = 0;
            for (int i = 0; i < _chains; i++)
                if (u[i * stride] < 0 != u[i * stride + 1 + q] < 0) flips++;
            if (2 * flips > _chains) k |= 1UL << q;
        }
        return k;
    }

    private static ulong[] Layout(int inputBits, ulong[] chainStarts)
    {
        var offsets = new ulong[chainStarts.Length * (inputBits + 1)];
        for (int i = 0; i < chainStarts.Length; i++)
        {
            offsets[i * (inputBits + 1)] = chainStarts[i];
            for (int q = 0; q < inputBits; q++)
                offsets[i * (inputBits + 1) + 1 + q] = chainStarts[i] ^ (1UL << q);
        }
        return offsets;
    }
}
