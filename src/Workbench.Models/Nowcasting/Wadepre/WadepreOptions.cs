namespace Workbench.Models.Nowcasting.Wadepre;

/// <summary>
/// WADEPre sized for CPU training (REFERENCES section 7): frames [B, InputFrames, H, W] on the uint8 VIL scale in,
/// [B, OutputFrames, H, W] out. Widths scale each sub-network; the loss weights and curriculum follow the paper.
/// </summary>
public sealed record WadepreOptions(
    int InputFrames = 6,
    int OutputFrames = 6,
    int ApproximationWidth = 48,
    int DetailWidth = 24,
    int RefinerWidth = 24,
    int Groups = 4,
    int Levels = 3,
    string Wavelet = "bior2.4",
    double DetailWeight = 0.05,
    double MixWeight = 0.01,
    CurriculumSchedule? Curriculum = null)
{
    public CurriculumSchedule Schedule => Curriculum ?? new CurriculumSchedule();
}

/// <summary>The ZNCC weight a(step): linear from <paramref name="Start"/> at step 0 to <paramref name="End"/> at
/// step <paramref name="Steps"/>, constant after. Start = End gives the fixed-weight ablation.</summary>
public sealed record CurriculumSchedule(double Start = 1.0, double End = 0.05, long Steps = 5000)
{
    public double At(long step) => Steps <= 0 ? End : End + (Start - End) * Math.Max(0.0, 1.0 - (double)step / Steps);
}
