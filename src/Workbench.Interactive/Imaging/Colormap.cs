namespace Workbench.Interactive.Imaging;

/// <summary>Viridis, linearly interpolated between nine anchor colours (t = 0, 1/8, ..., 1).</summary>
public static class Colormap
{
    private static readonly byte[,] Anchors =
    {
        { 0x44, 0x01, 0x54 }, { 0x47, 0x2D, 0x7B }, { 0x3B, 0x52, 0x8B }, { 0x2C, 0x72, 0x8E }, { 0x21, 0x91, 0x8C },
        { 0x28, 0xAE, 0x80 }, { 0x5E, 0xC9, 0x62 }, { 0xAD, 0xDC, 0x30 }, { 0xFD, 0xE7, 0x25 },
    };

    /// <summary>The colour of t in [0, 1] (clamped; NaN maps to mid-grey).</summary>
    public static (byte R, byte G, byte B) Viridis(double t)
    {
        if (double.IsNaN(t)) return (128, 128, 128);
        var segments = Anchors.GetLength(0) - 1;
        var x = Math.Clamp(t, 0, 1) * segments;
        var i = Math.Min((int)x, segments - 1);
        var f = x - i;
        byte Channel(int c) => (byte)Math.Round(Anchors[i, c] + f * (Anchors[i + 1, c] - Anchors[i, c]));
        return (Channel(0), Channel(1), Channel(2));
    }

    /// <summary>CSS hex of the colour of t, for legends.</summary>
    public static string Hex(double t)
    {
        var (r, g, b) = Viridis(t);
        return $"#{r:X2}{g:X2}{b:X2}";
    }
}
