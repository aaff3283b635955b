namespace Workbench.Models.Codec;

/// <summary>The model identifiers written into codec files.</summary>
public enum CodecModelId : byte
{
    Hyperprior = 1,
    Hcfssnet = 2,
}
