using System.Numerics;

namespace Workbench.Sparse.Tests.Hadamard;

/// <summary>O(N^2) product with the Sylvester matrix H[k, m] = (-1)^popcount(k AND m), in double.</summary>
internal static class NaiveHadamard
{
    public static double[] Apply(IReadOnlyList<double> x)
    {
        int n = x.Count;
        var y = new double[n];
        for (int k = 0; k < n; k++)
        {
            double sum = 0;
            for (int m = 0; m < n; m++)
                sum += (BitOperations.PopCount((uint)(k & m)) & 1) == 0 ? x[m] : -x[m];
            y[k] = sum;
        }
        return y;
    }

    public static double[] RandomVector(int n, int seed)
    {
        var rng = new Random(seed);
        var x = new double[n];
        for (int i = 0; i < n; i++) x[i] = rng.NextDouble() * 2 - 1;
        return x;
    }
}
