using System.Globalization;
using PureHDF;

namespace Workbench.Data.Hdf5;

/// <summary>Reads HDF5 attributes of the common kinds into plain values: string, long, double, or arrays of them.</summary>
internal static class AttributeReader
{
    public static IReadOnlyDictionary<string, object> ReadAll(IH5Object owner)
    {
        var values = new SortedDictionary<string, object>(StringComparer.Ordinal);
        foreach (var attribute in owner.Attributes())
            values[attribute.Name] = Read(attribute);
        return values;
    }

    public static object Read(IH5Attribute attribute)
    {
        var type = attribute.Type;
        var scalar = attribute.Space.Type == H5DataspaceType.Scalar;
        return type.Class switch
        {
            // h5py stores str attributes as variable-length strings
            H5DataTypeClass.String or H5DataTypeClass.VariableLength when IsText(type) => scalar ? attribute.Read<string>() : attribute.Read<string[]>(),
            H5DataTypeClass.FloatingPoint => Unwrap(type.Size == 4
                ? attribute.Read<float[]>().Select(value => (double)value).ToArray()
                : attribute.Read<double[]>(), scalar),
            H5DataTypeClass.FixedPoint => Unwrap(ReadIntegers(attribute), scalar),
            _ => $"<{Hdf5TypeNames.Describe(type)}>",
        };
    }

    public static string Format(object value) => value switch
    {
        string text => text,
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        long number => number.ToString(CultureInfo.InvariantCulture),
        string[] texts => "[" + string.Join(", ", texts) + "]",
        double[] numbers => "[" + string.Join(", ", numbers.Select(n => n.ToString("R", CultureInfo.InvariantCulture))) + "]",
        long[] numbers => "[" + string.Join(", ", numbers) + "]",
        _ => value.ToString() ?? "",
    };

    private static bool IsText(IH5DataType type) =>
        type.Class == H5DataTypeClass.String
        || (type.Class == H5DataTypeClass.VariableLength && type.VariableLength.BaseType.Class == H5DataTypeClass.FixedPoint && type.VariableLength.BaseType.Size == 1);

    private static long[] ReadIntegers(IH5Attribute attribute)
    {
        var signed = attribute.Type.FixedPoint.IsSigned;
        return (attribute.Type.Size, signed) switch
        {
            (1, true) => attribute.Read<sbyte[]>().Select(v => (long)v).ToArray(),
            (1, false) => attribute.Read<byte[]>().Select(v => (long)v).ToArray(),
            (2, true) => attribute.Read<short[]>().Select(v => (long)v).ToArray(),
            (2, false) => attribute.Read<ushort[]>().Select(v => (long)v).ToArray(),
            (4, true) => attribute.Read<int[]>().Select(v => (long)v).ToArray(),
            (4, false) => attribute.Read<uint[]>().Select(v => (long)v).ToArray(),
            (8, true) => attribute.Read<long[]>(),
            _ => attribute.Read<ulong[]>().Select(v => unchecked((long)v)).ToArray(),
        };
    }

    private static object Unwrap<T>(T[] values, bool scalar) where T : notnull =>
        scalar && values.Length == 1 ? values[0] : values;
}
