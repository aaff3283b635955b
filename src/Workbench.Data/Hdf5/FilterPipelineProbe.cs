using System.Collections;
using System.Reflection;
using PureHDF.VOL.Native;

namespace Workbench.Data.Hdf5;

/// <summary>
/// Names the filters (compression, shuffle, checksums) of a dataset. PureHDF 2.2 keeps the filter pipeline message
/// internal, so it is read by reflection; when that shape changes the pipeline is reported as unknown (null).
/// </summary>
internal static class FilterPipelineProbe
{
    private const BindingFlags Instance = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;

    public static IReadOnlyList<string>? Describe(NativeDataset dataset)
    {
        try
        {
            var pipeline = typeof(NativeDataset).GetProperty("InternalFilterPipeline", Instance)?.GetValue(dataset);
            if (pipeline is null)
                return typeof(NativeDataset).GetProperty("InternalFilterPipeline", Instance) is null ? null : [];
            if (pipeline.GetType().GetProperty("FilterDescriptions", Instance)?.GetValue(pipeline) is not IEnumerable descriptions)
                return null;
            var names = new List<string>();
            foreach (var description in descriptions)
            {
                var type = description.GetType();
                var id = Convert.ToInt32(type.GetProperty("Identifier", Instance)?.GetValue(description));
                var clientData = type.GetProperty("ClientData", Instance)?.GetValue(description) as uint[];
                names.Add(Name(id, clientData ?? []));
            }
            return names;
        }
        catch (Exception ex) when (ex is TargetInvocationException or InvalidCastException or FormatException)
        {
            return null;
        }
    }

    private static string Name(int id, uint[] clientData) => id switch
    {
        1 => clientData.Length > 0 ? $"deflate(level {clientData[0]})" : "deflate",
        2 => "shuffle",
        3 => "fletcher32",
        4 => "szip",
        5 => "nbit",
        6 => "scaleoffset",
        32001 => "blosc",
        32004 => "lz4",
        32008 => "bitshuffle",
        32015 => "zstd",
        _ => $"filter {id}",
    };
}
