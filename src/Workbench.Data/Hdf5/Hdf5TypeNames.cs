using PureHDF;

namespace Workbench.Data.Hdf5;

internal static class Hdf5TypeNames
{
    public static string Describe(IH5DataType type) => type.Class switch
    {
        H5DataTypeClass.FloatingPoint => $"float{type.Size * 8}",
        H5DataTypeClass.FixedPoint => $"{(type.FixedPoint.IsSigned ? "int" : "uint")}{type.Size * 8}",
        H5DataTypeClass.String => "string",
        H5DataTypeClass.VariableLength => "variable-length data",
        H5DataTypeClass.Compound => "compound records",
        H5DataTypeClass.Enumerated => "enum values",
        H5DataTypeClass.BitField => "bit fields",
        H5DataTypeClass.Opaque => "opaque bytes",
        H5DataTypeClass.Reference => "references",
        H5DataTypeClass.Array => "fixed-size arrays",
        _ => type.Class.ToString().ToLowerInvariant(),
    };
}
