using System.Text.Json;
using Antq.Core.Conversations;

namespace Antq.Core.Pledges;

/// <summary>A signing in progress, read from and written to the flow's data.</summary>
public sealed record PledgeDraft
{
    public SignerKind? Kind { get; init; }

    public Dictionary<string, string> Fields { get; init; } = [];

    public string? WardId { get; init; }

    public string? UnitId { get; init; }

    public IReadOnlyList<string> Types { get; init; } = [];

    /// <summary>For a correction: the pledge whose signer is corrected.</summary>
    public long? PledgeId { get; init; }

    public SignerDetails Details => new(
        Kind ?? SignerKind.Individual,
        Fields.GetValueOrDefault("name") ?? "",
        Fields.GetValueOrDefault("address"),
        Fields.GetValueOrDefault("business"),
        Fields.GetValueOrDefault("school"),
        Fields.GetValueOrDefault("class"));

    public PledgeDraft WithField(string field, string value) => this with { Fields = new(Fields) { [field] = value } };

    public static PledgeDraft From(FlowData data) =>
        data["draft"] is { } json ? JsonSerializer.Deserialize<PledgeDraft>(json, Json) ?? new PledgeDraft() : new PledgeDraft();

    public FlowData Into(FlowData data) => data.With("draft", JsonSerializer.Serialize(this, Json));

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}
