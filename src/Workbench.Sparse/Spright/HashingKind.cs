using System.Text.Json.Serialization;

namespace Workbench.Sparse.Spright;

/// <summary>How stage c maps a frequency k to its bin M_c^T k.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<HashingKind>))]
public enum HashingKind
{
    /// <summary>Stage c reads its own block of b index bits (needs C b &lt;= n). Good for uniformly random
    /// supports; structured supports (few bits set) collide in the all-zero block.</summary>
    DisjointBlocks,

    /// <summary>Each stage draws a random full-rank n x b binary matrix: any support hashes like a random one.</summary>
    RandomFullRank,
}
