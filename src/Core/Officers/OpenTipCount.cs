namespace Antq.Core.Officers;

/// <summary>How many tips are open in the officer's scope, loaded for their home and help (not on every turn).</summary>
public sealed record OpenTipCount(int Count);
