namespace Workbench.Models.Codec;

/// <summary>
/// The pixel orders the VONSS block scans in (see <see cref="ScanOrder"/>). Rows: row by row, left to right; Columns:
/// column by column, top to bottom; Diagonal: lines parallel to the main diagonal, each read top-left to bottom-right,
/// starting at the top-right corner; AntiDiagonal: lines parallel to the anti-diagonal, each read top-right to
/// bottom-left, starting at the top-left corner.
/// </summary>
[Flags]
public enum ScanDirections
{
    Rows = 1,
    Columns = 2,
    Diagonal = 4,
    AntiDiagonal = 8,
    All = Rows | Columns | Diagonal | AntiDiagonal,
}
