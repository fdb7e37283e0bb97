namespace Antq.Core.Areas;

/// <summary>Kinds of area. Level 1: ward (phường) or commune (xã). Level 2: residential unit.</summary>
public enum AreaKind
{
    /// <summary>Phường.</summary>
    Ward,

    /// <summary>Xã.</summary>
    Commune,

    /// <summary>Khối (unit of a ward).</summary>
    Block,

    /// <summary>Thôn (unit of a commune).</summary>
    Hamlet,

    /// <summary>Tổ dân phố (residential group).</summary>
    ResidentialGroup,
}
