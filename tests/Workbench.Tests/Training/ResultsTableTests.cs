using Workbench.Training.Runs;

namespace Workbench.Tests.Training;

public class ResultsTableTests
{
    private static RunResult Run(string name, long seed, double error, double seconds) =>
        new($"/runs/{name}/{seed}", name, "t1", seed, 1234, 10, seconds, "ns.h5", new Dictionary<string, double> { ["relative_l2"] = error });

    [Fact]
    public void Mean_and_sample_standard_deviation()
    {
        var (mean, std) = ResultsTable.MeanStd([0.1, 0.2, 0.3]);
        Assert.Equal(0.2, mean, 15);
        Assert.Equal(0.1, std, 15);
        Assert.Equal((5.0, 0.0), ResultsTable.MeanStd([5.0]));
    }

    [Fact]
    public void A_seed_given_twice_for_one_experiment_is_refused()
    {
        var error = Assert.Throws<Workbench.Core.Errors.WorkbenchException>(() => new ResultsTable([Run("a", 1, 0.1, 1), Run("a", 1, 0.1, 1)]));
        Assert.Equal("results: a has seed 1 in 2 runs; give each seed once", error.Message);
        Assert.Single(new ResultsTable([Run("a", 1, 0.1, 1), Run("b", 1, 0.1, 1)]).Rows, r => r.Name == "a");
    }

    [Fact]
    public void Groups_runs_by_experiment_in_name_order()
    {
        var table = new ResultsTable([Run("b", 1, 0.4, 2), Run("a", 2, 0.1, 1), Run("b", 0, 0.2, 4), Run("a", 0, 0.3, 3)]);
        Assert.Equal(["a", "b"], table.Rows.Select(r => r.Name));
        Assert.Equal([0L, 1L], table.Rows[1].Seeds);
        Assert.Equal(0.3, table.Rows[1].Test["relative_l2"].Mean, 15);
        Assert.Equal(3.0, table.Rows[1].SecondsPerEpoch);
        var markdown = table.ToMarkdown("T", "workbench results x --out y");
        Assert.Contains("| a | t1 | 0,2 | 1,234 | 10 | 2.0 | 0.2 +- 0.14 |", markdown);
    }
}
