using System.Globalization;
using System.Text.Json;
using Antq.Core.Conversations;

namespace Antq.Core.Tips;

/// <summary>A tip being written, read from and written to the flow's data.</summary>
public sealed record TipDraft
{
    public string? CategoryId { get; init; }

    public string? WardId { get; init; }

    public string? UnitId { get; init; }

    public string? Address { get; init; }

    public double? Latitude { get; init; }

    public double? Longitude { get; init; }

    /// <summary>"now", "today" or yyyy-MM-dd.</summary>
    public string? When { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<Attachment> Media { get; init; } = [];

    public bool? Anonymous { get; init; }

    public string? Name { get; init; }

    public static TipDraft From(FlowData data) =>
        data["draft"] is { } json ? JsonSerializer.Deserialize<TipDraft>(json, Json) ?? new TipDraft() : new TipDraft();

    public FlowData Into(FlowData data) => data.With("draft", JsonSerializer.Serialize(this, Json));

    public string WhenText(FlowContext context) => When switch
    {
        "now" => context.T("tip.when_now"),
        "today" => context.T("tip.when_today"),
        { } date when DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        _ => "",
    };

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}
