namespace Workbench.Tests.Data;

/// <summary>The fixtures' values: value(n, i) = scale * n + step * i for sample n and flat index i inside the sample, rounded to float32.</summary>
internal static class ClosedForm
{
    public static float Value(long sample, long flat, double scale, double step) => (float)(scale * sample + step * flat);

    public static float[] Samples(long first, long count, long sampleSize, double scale, double step)
    {
        var values = new float[count * sampleSize];
        for (long n = 0; n < count; n++)
            for (long i = 0; i < sampleSize; i++)
                values[n * sampleSize + i] = Value(first + n, i, scale, step);
        return values;
    }
}
