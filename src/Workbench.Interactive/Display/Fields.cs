using TorchSharp;

namespace Workbench.Interactive.Display;

/// <summary>Copies tensors into plain arrays for drawing.</summary>
public static class Fields
{
    public static float[,] ToArray(torch.Tensor field)
    {
        if (field.dim() != 2) throw new ArgumentException($"expected a 2-D tensor [rows, columns], got shape [{string.Join(", ", field.shape)}]");
        var rows = (int)field.shape[0];
        var columns = (int)field.shape[1];
        using var values = field.detach().cpu().to(torch.float32).contiguous();
        var flat = values.data<float>().ToArray();
        var result = new float[rows, columns];
        Buffer.BlockCopy(flat, 0, result, 0, flat.Length * sizeof(float));
        return result;
    }

    public static double[] ToVector(torch.Tensor signal)
    {
        if (signal.dim() != 1) throw new ArgumentException($"expected a 1-D tensor, got shape [{string.Join(", ", signal.shape)}]");
        using var values = signal.detach().cpu().to(torch.float64).contiguous();
        return values.data<double>().ToArray();
    }

    public static float[,] ToSingle(double[,] field)
    {
        var result = new float[field.GetLength(0), field.GetLength(1)];
        for (var r = 0; r < field.GetLength(0); r++)
            for (var c = 0; c < field.GetLength(1); c++)
                result[r, c] = (float)field[r, c];
        return result;
    }
}
