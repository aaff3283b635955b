namespace Workbench.Models.Codec;

/// <summary>The order in which one scan direction visits the pixels of an H x W map (row-major flat indices).</summary>
public static class ScanOrder
{
    /// <summary>The single directions in <paramref name="directions"/>, in enum order.</summary>
    public static ScanDirections[] Split(ScanDirections directions) =>
        Enum.GetValues<ScanDirections>().Where(d => d != ScanDirections.All && directions.HasFlag(d)).ToArray();

    /// <summary>order[t] = the flat index of the pixel visited at step t.</summary>
    public static long[] Permutation(ScanDirections direction, long height, long width)
    {
        // Sort key: the line a pixel lies on, then its row (rows are unique within each line of every direction).
        Func<long, long, long> key = direction switch
        {
            ScanDirections.Rows => (i, j) => i * width + j,
            ScanDirections.Columns => (i, j) => j * height + i,
            ScanDirections.Diagonal => (i, j) => (width - 1 - j + i) * height + i,
            ScanDirections.AntiDiagonal => (i, j) => (i + j) * height + i,
            _ => throw new ArgumentOutOfRangeException(nameof(direction), direction, "expected a single scan direction."),
        };
        var keys = new long[height * width];
        var order = new long[height * width];
        for (long i = 0; i < height; i++)
            for (long j = 0; j < width; j++)
            {
                keys[i * width + j] = key(i, j);
                order[i * width + j] = i * width + j;
            }
        Array.Sort(keys, order);
        return order;
    }

    /// <summary>inverse[order[t]] = t: the step at which each pixel is visited.</summary>
    public static long[] Inverse(long[] order)
    {
        var inverse = new long[order.Length];
        for (var t = 0; t < order.Length; t++) inverse[order[t]] = t;
        return inverse;
    }
}
