using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using Workbench.Cli.Hosting;
using Workbench.Core.Errors;
using Workbench.Core.IO;
using Workbench.Sparse.Spright;
using Workbench.Sparse.Spright.Trials;

namespace Workbench.Cli.Commands;

/// <summary><c>workbench spright --n 20 --k 50 --snr 10 --trials 100 --json F</c>: randomised sparse-WHT recovery trials.</summary>
public static class SprightCommand
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var n = new Option<int>("--n") { Description = "Input bits: the transform has N = 2^n points (n <= 60).", Required = true };
        var k = new Option<int>("--k") { Description = "Number of non-zero Walsh coefficients.", Required = true };
        var snr = new Option<double?>("--snr") { Description = "Signal-to-noise ratio in dB (omit for noiseless)." };
        var trials = new Option<int>("--trials") { Description = "Random instances to run.", DefaultValueFactory = _ => 100 };
        var amplitudes = new Option<AmplitudeKind>("--amplitudes") { Description = "Planted amplitudes: PlusMinusOne or Gaussian.", DefaultValueFactory = _ => AmplitudeKind.PlusMinusOne };
        var detector = new Option<DetectorKind?>("--detector") { Description = "Noiseless, Robust or SampleOptimal (default chosen from the SNR)." };
        var json = new Option<string?>("--json") { Description = "Write the full report (per-trial outcomes included) as JSON." };
        var command = new Command("spright", "Recover K-sparse Walsh spectra from few samples (SPRIGHT); success rate, samples and time vs the dense FWHT.")
        {
            n, k, snr, trials, amplitudes, detector, json,
        };
        command.SetAction(parse =>
        {
            var ctx = context(parse);
            var options = new SprightTrialOptions
            {
                InputBits = parse.GetValue(n),
                Sparsity = parse.GetValue(k),
                SnrDb = parse.GetValue(snr),
                Trials = parse.GetValue(trials),
                Amplitudes = parse.GetValue(amplitudes),
                Detector = parse.GetValue(detector),
                Seed = (ulong)ctx.Seed,
            };
            SprightTrialReport report;
            try
            {
                report = SprightTrials.Run(options);
            }
            catch (ArgumentException e)
            {
                throw new WorkbenchException($"spright: {e.Message.Split(" (Parameter")[0]}");
            }
            var o = ctx.Output;
            if (report.Plan.TakesDenseRoute)
                o.WriteLine($"the plan needs {report.Plan.SampleCount:N0} samples, more than N = {report.Plan.PointCount:N0}: recovered from all N with the dense FWHT");
            o.WriteLine($"N = 2^{report.InputBits}, K = {report.Sparsity}, SNR {(report.SnrDb is { } s ? $"{s} dB" : "noiseless")}, {report.Amplitudes} amplitudes");
            o.WriteLine($"success      {report.Successes}/{report.Trials} ({report.SuccessRate:P1})");
            o.WriteLine($"samples      {report.MeanSamples:F0} per trial ({report.SamplesFractionOfN:P3} of N)");
            o.WriteLine($"time         {report.MeanMilliseconds:G4} ms per trial (sampling included), {report.MeanIterations:F1} peeling iterations");
            if (report.DenseFwhtMilliseconds is { } dense)
                o.WriteLine($"dense FWHT   {dense:G4} ms ({report.DenseThreads} thread(s), transform only); SPRIGHT speed-up {report.SpeedupOverDense:G3}x");
            if (parse.GetValue(json) is { } path) AtomicFile.WriteAllText(path, JsonSerializer.Serialize(report, Json) + "\n");
            return 0;
        });
        return command;
    }
}
