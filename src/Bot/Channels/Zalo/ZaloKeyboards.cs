using System.Globalization;
using System.Text.Json;
using Antq.Core.Channels;
using Antq.Core.Conversations;
using Antq.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Antq.Bot.Channels.Zalo;

/// <summary>
/// Zalo's buttons (oa.query.show) come back as the user's text: the choices last offered to each user are kept, so
/// a pressed label, or a number typed for a numbered list, becomes the button press the flows expect.
/// </summary>
public sealed class ZaloKeyboards(IDbContextFactory<AntqDb> dbFactory, WriteGate writeGate, TimeProvider time)
{
    /// <summary>Remembers the choices before the message goes out, so an instant press is understood.</summary>
    public async Task RememberAsync(string chatId, IReadOnlyList<Button> choices, bool numbered, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(choices);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        using (await writeGate.EnterAsync(cancellationToken))
        {
            var row = await db.ChannelKeyboards.SingleOrDefaultAsync(k => k.Channel == ZaloChannel.ChannelName && k.ChatId == chatId, cancellationToken);
            if (row is null)
            {
                row = new ChannelKeyboard { Channel = ZaloChannel.ChannelName, ChatId = chatId, Buttons = json };
                db.ChannelKeyboards.Add(row);
            }

            row.Buttons = json;
            row.Numbered = numbered;
            row.UpdatedAt = time.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>The input as a button press when its text is a label (or the number of a listed choice) last offered; else unchanged.</summary>
    public async Task<InboundMessage> ResolveAsync(InboundMessage input, CancellationToken cancellationToken)
    {
        if (input is not { Kind: InboundKind.Text, Text: { } text })
        {
            return input;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.ChannelKeyboards.AsNoTracking().SingleOrDefaultAsync(k => k.Channel == ZaloChannel.ChannelName && k.ChatId == input.ChatId, cancellationToken);
        if (row is null)
        {
            return input;
        }

        var choices = JsonSerializer.Deserialize<List<Button>>(row.Buttons) ?? [];
        var typed = text.Trim();
        var pressed = choices.FirstOrDefault(b => b.Label == typed);
        if (pressed is null && row.Numbered && int.TryParse(typed.TrimEnd('.'), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= choices.Count)
        {
            pressed = choices[number - 1];
        }

        return pressed is null ? input : input with { Kind = InboundKind.Button, ButtonData = pressed.Data, Text = null };
    }
}
