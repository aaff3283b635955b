using Workbench.Training.Metrics.Nowcasting;
using static TorchSharp.torch;

namespace Workbench.Tests.Training.Nowcasting;

public sealed class ContingencyScoreTests
{
    [Fact]
    public void ScoresFollowTheirDefinitions()
    {
        var table = new ContingencyTable(Hits: 3, FalseAlarms: 2, Misses: 1, CorrectNegatives: 4);
        Assert.Equal(0.5, table.Csi, 15);
        Assert.Equal(0.75, table.Pod, 15);
        Assert.Equal(0.4, table.Far, 15);
        Assert.Equal(2.0 * (3 * 4 - 2 * 1) / (4 * 5 + 5 * 6), table.Hss, 15);
        Assert.True(double.IsNaN(new ContingencyTable(0, 0, 0, 9).Csi));
    }

    /// <summary>
    /// A 16 x 16 frame, zero outside its top-left 4 x 4 corner:
    /// truth [[74,0,..],[73,200,..],..,[..,100]], forecast [[74,74,..],[0,0,..],..,[..,220]] (row 3, column 3 last).
    /// </summary>
    private static (Tensor Forecast, Tensor Truth) Corner()
    {
        var truth = zeros(1, 1, 16, 16, ScalarType.Float64);
        var forecast = zeros(1, 1, 16, 16, ScalarType.Float64);
        truth[0, 0, 0, 0] = 74; truth[0, 0, 1, 0] = 73; truth[0, 0, 1, 1] = 200; truth[0, 0, 3, 3] = 100;
        forecast[0, 0, 0, 0] = 74; forecast[0, 0, 0, 1] = 74; forecast[0, 0, 3, 3] = 220;
        return (forecast, truth);
    }

    [Fact]
    public void HandCountedTablesUseGreaterOrEqual()
    {
        var (forecast, truth) = Corner();
        var verification = new NowcastVerification(1);
        verification.Add(forecast, truth);

        Assert.Equal(new ContingencyTable(2, 1, 1, 252), verification.Table(1, 74, 0));
        Assert.Equal(new ContingencyTable(2, 1, 2, 251), verification.Table(1, 16, 0));
        Assert.Equal(new ContingencyTable(0, 1, 0, 255), verification.Table(1, 219, 0));
        Assert.Equal(new ContingencyTable(1, 0, 0, 15), verification.Table(4, 74, 0));
        Assert.Equal(new ContingencyTable(0, 1, 0, 15), verification.Table(4, 219, 0));
        Assert.Equal(new ContingencyTable(1, 0, 0, 0), verification.Table(16, 181, 0));

        var scores = verification.Scores()[1].Values;
        Assert.Equal(0.5, scores["csi_74"], 12);
        Assert.Equal(2.0 / 3, scores["pod_74"], 12);
        Assert.Equal(1.0 / 3, scores["far_74"], 12);
        Assert.Equal(2.0 * (2 * 252 - 1 * 1) / (3 * 253 + 3 * 253), scores["hss_74"], 12);
        Assert.Equal(0.4, scores["csi_16"], 12);
        Assert.Equal(0.0, scores["csi_219"], 12);
        Assert.Equal(1.0, scores["csi_74_pool4"], 12);
        Assert.Equal(Math.Sqrt((74.0 * 74 + 73 * 73 + 200 * 200 + 120 * 120) / 256), scores["rmse"], 10);
        // thresholds 133, 160, 181: truth 200 is missed, forecast 220 is a false alarm at the other pixel.
        Assert.Equal((0.4 + 0.5 + 0 + 0 + 0 + 0) / 6, scores["csi_m"], 12);
    }

    [Fact]
    public void TablesAreSummedOverSamplesBeforeScoring()
    {
        var (forecast, truth) = Corner();
        var perfect = zeros(1, 1, 16, 16, ScalarType.Float64);
        perfect[0, 0, 8, 8] = 90;
        var verification = new NowcastVerification(1);
        verification.Add(forecast, truth);
        verification.Add(perfect, perfect);
        Assert.Equal(new ContingencyTable(3, 1, 1, 507), verification.Table(1, 74, 0));
        // Summed tables give 3 / 5; the mean of the per-sample CSIs (0.5 and 1) would give 0.75.
        Assert.Equal(0.6, verification.Scores()[1].Values["csi_74"], 12);
    }

    [Fact]
    public void LeadTimesAreScoredSeparatelyAndTogether()
    {
        var (forecast, truth) = Corner();
        var verification = new NowcastVerification(2);
        verification.Add(cat([forecast, truth], 1), cat([truth, truth], 1));
        var scores = verification.Scores();
        Assert.Equal([0, 1, 2], scores.Select(s => s.Lead));
        Assert.Equal(0.5, scores[1].Values["csi_74"], 12);
        Assert.Equal(1.0, scores[2].Values["csi_74"], 12);
        Assert.Equal(1.0, scores[2].Values["ssim"], 12);
        Assert.Equal(0.0, scores[2].Values["rmse"], 12);
        Assert.Equal((2.0 + 3) / (4 + 3), scores[0].Values["csi_74"], 12);
    }
}
