using System.Text.RegularExpressions;

namespace Workbench.Figures.Charts;

/// <summary>Readable names for logged metric keys in titles, legends and axis titles: "val_relative_l2" -> "validation relative L2".</summary>
public static partial class MetricLabels
{
    private static readonly Dictionary<string, string> Words = new(StringComparer.Ordinal)
    {
        ["val"] = "validation", ["l1"] = "L1", ["l2"] = "L2", ["mse"] = "MSE", ["rmse"] = "RMSE", ["mae"] = "MAE",
        ["psnr"] = "PSNR", ["ssim"] = "SSIM", ["csi"] = "CSI", ["hss"] = "HSS", ["lr"] = "learning rate",
    };

    private static readonly Dictionary<string, string> Units = new(StringComparer.Ordinal)
    {
        ["psnr"] = " (dB)", ["seconds"] = " (s)",
    };

    public static string Display(string key)
    {
        var parts = key.Split('_', StringSplitOptions.RemoveEmptyEntries);
        // csi_181, hss_219: a skill score at a VIL threshold; csi_m: its mean over the thresholds.
        if (parts is [var score, var threshold] && Words.TryGetValue(score, out var name) && (score is "csi" or "hss"))
            return threshold == "m" ? $"{name}-M (mean over thresholds)" : Threshold().IsMatch(threshold) ? $"{name} at VIL {threshold}" : $"{name} {threshold}";
        var text = string.Join(' ', parts.Select(p => Words.GetValueOrDefault(p, p)));
        return text + (parts.Length > 0 ? Units.GetValueOrDefault(parts[^1], "") : "");
    }

    [GeneratedRegex("^[0-9]+$")]
    private static partial Regex Threshold();
}
