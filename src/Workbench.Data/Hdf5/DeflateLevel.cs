namespace Workbench.Data.Hdf5;

/// <summary>Deflate (gzip) compression of written chunks; PureHDF offers only these levels.</summary>
public enum DeflateLevel
{
    None = 0,
    Fastest = 1,
    Smallest = 9,
}
