namespace Workbench.Sparse.Spright;

/// <summary>
/// Peeling: each round examines the bins that changed in the previous round (all bins in the first), collects the
/// singletons (each index once per round, first found in stage-then-bin order), and subtracts
/// alpha (-1)^{&lt;d_p, k&gt;} from bin M_c^T k of every stage and offset, marking those bins changed.
/// Success: every bin is a zero-ton at the end.
/// </summary>
internal static class PeelingDecoder
{
    public static (Dictionary<ulong, double> Coefficients, int Iterations, bool Success) Run(
        SprightPlan plan, BinObservations bins, BinClassifier classifier, IReadOnlyList<HashingMatrix> stages,
        Detectors.OffsetDesign offsets)
    {
        var recovered = new Dictionary<ulong, double>();
        var pending = new bool[plan.Stages][];
        for (int c = 0; c < plan.Stages; c++) pending[c] = Enumerable.Repeat(true, plan.Bins).ToArray();
        bool anyPending = true;
        int iterations = 0;
        var found = new List<(ulong Index, double Amplitude)>();
        var foundThisRound = new HashSet<ulong>();
        var signs = new double[offsets.Count];

        while (anyPending && iterations < plan.MaxIterations)
        {
            iterations++;
            found.Clear();
            foundThisRound.Clear();
            for (int c = 0; c < plan.Stages; c++)
                for (int j = 0; j < plan.Bins; j++)
                {
                    if (!pending[c][j]) continue;
                    pending[c][j] = false;
                    if (classifier.Classify(c, j, bins.Bin(c, j), out ulong k, out double alpha) == BinKind.Singleton
                        && foundThisRound.Add(k))
                        found.Add((k, alpha));
                }
            anyPending = false;
            foreach (var (k, alpha) in found)
            {
                recovered[k] = recovered.GetValueOrDefault(k) + alpha;
                for (int p = 0; p < signs.Length; p++) signs[p] = alpha * offsets.Sign(p, k);
                for (int c = 0; c < plan.Stages; c++)
                {
                    int j = stages[c].BinOf(k);
                    var u = bins.Bin(c, j);
                    for (int p = 0; p < u.Length; p++) u[p] -= signs[p];
                    pending[c][j] = true;
                    anyPending = true;
                }
            }
        }

        // A multi-ton misread as a singleton (e.g. three +-1 terms that never all agree on the P offsets) plants a
        // phantom term in the other stages, which peeling later finds with the opposite sign: drop what cancelled.
        foreach (var k in recovered.Where(p => classifier.IsNegligibleAmplitude(p.Value)).Select(p => p.Key).ToList())
            recovered.Remove(k);

        bool success = true;
        for (int c = 0; c < plan.Stages && success; c++)
            for (int j = 0; j < plan.Bins && success; j++)
                success = classifier.IsZeroTon(bins.Bin(c, j));
        return (recovered, iterations, success);
    }
}
