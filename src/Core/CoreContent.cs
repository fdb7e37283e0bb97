using Antq.Core.Areas;
using Antq.Core.Tips;

namespace Antq.Core;

/// <summary>The editable content and secrets Core runs on, loaded and checked by the host at start-up.</summary>
public sealed record CoreContent(AreaTree Areas, TipCatalog TipCategories, byte[] TipRouteKey, string ContentRoot);
