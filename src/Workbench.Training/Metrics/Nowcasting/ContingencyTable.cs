namespace Workbench.Training.Metrics.Nowcasting;

/// <summary>
/// Counts of a binary event forecast (event: value &gt;= threshold): a hits, b false alarms, c misses,
/// d correct negatives. Scores are NaN where their denominator is zero.
/// </summary>
public readonly record struct ContingencyTable(long Hits, long FalseAlarms, long Misses, long CorrectNegatives)
{
    public static ContingencyTable operator +(ContingencyTable x, ContingencyTable y) =>
        new(x.Hits + y.Hits, x.FalseAlarms + y.FalseAlarms, x.Misses + y.Misses, x.CorrectNegatives + y.CorrectNegatives);

    /// <summary>Critical success index a / (a + b + c).</summary>
    public double Csi => Ratio(Hits, Hits + FalseAlarms + Misses);

    /// <summary>Probability of detection a / (a + c).</summary>
    public double Pod => Ratio(Hits, Hits + Misses);

    /// <summary>False alarm ratio b / (a + b).</summary>
    public double Far => Ratio(FalseAlarms, Hits + FalseAlarms);

    /// <summary>Heidke skill score 2(ad - bc) / [(a + c)(c + d) + (a + b)(b + d)].</summary>
    public double Hss
    {
        get
        {
            double a = Hits, b = FalseAlarms, c = Misses, d = CorrectNegatives;
            return Ratio(2 * (a * d - b * c), (a + c) * (c + d) + (a + b) * (b + d));
        }
    }

    private static double Ratio(double numerator, double denominator) => denominator == 0 ? double.NaN : numerator / denominator;
}
