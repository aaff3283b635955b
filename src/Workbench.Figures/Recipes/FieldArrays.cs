using static TorchSharp.torch;

namespace Workbench.Figures.Recipes;

/// <summary>2-D tensors (any dtype or device) as the [rows, columns] float arrays the field charts draw.</summary>
internal static class FieldArrays
{
    public static float[,] Of(Tensor field)
    {
        var (rows, columns) = ((int)field.shape[0], (int)field.shape[1]);
        var values = field.to(ScalarType.Float32).cpu().contiguous().data<float>().ToArray();
        var array = new float[rows, columns];
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < columns; c++)
                array[r, c] = values[r * columns + c];
        return array;
    }
}
