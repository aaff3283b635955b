using System.Numerics;
using Workbench.Core.Runtime;

namespace Workbench.Figures.Recipes;

/// <summary>
/// An open Ising chain of n spins s_i = (-1)^{bit i}: its energy is a pseudo-Boolean function whose Walsh spectrum is
/// exactly the couplings J_i (at the frequency with bits i and i+1) and the fields h_i (at the frequency with bit i).
/// </summary>
public static class IsingChain
{
    public static Dictionary<ulong, double> Couplings(int n, double fieldScale, long seed)
    {
        var random = Determinism.ManagedRandom(seed, "ising-chain");
        var spectrum = new Dictionary<ulong, double>();
        for (var i = 0; i + 1 < n; i++) spectrum[(1UL << i) | (1UL << (i + 1))] = Math.Round(2 * random.NextDouble() - 1, 3);
        for (var i = 0; i < n; i++) spectrum[1UL << i] = Math.Round(fieldScale * (2 * random.NextDouble() - 1), 3);
        return spectrum;
    }

    public static double Energy(IReadOnlyDictionary<ulong, double> spectrum, ulong spins)
    {
        var energy = 0.0;
        foreach (var (frequency, value) in spectrum)
            energy += (BitOperations.PopCount(frequency & spins) & 1) == 0 ? value : -value;
        return energy;
    }
}
