using Antq.Core;
using Antq.Core.Conversations;
using Antq.Core.Storage;
using Antq.Core.Tips;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Antq.Bot.WebConsole;

/// <summary>
/// A tip's archived attachment, to an officer whose scope covers the tip only (anyone else: 404, as for the tip).
/// Images, audio and video play in the page; anything else downloads under a neutral name.
/// </summary>
public static class ConsoleFiles
{
    public static async Task<IResult> ServeAsync(long id, HttpContext http, IDbContextFactory<AntqDb> dbFactory, IOptions<TipOptions> tipOptions, CoreContent content)
    {
        if (ConsoleSession.Current(http) is not { } officer)
        {
            return Results.NotFound();
        }

        await using var db = await dbFactory.CreateDbContextAsync(http.RequestAborted);
        var found = await db.TipAttachments.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new
            {
                a.StoredPath, a.MimeType, a.Kind,
                WardId = db.Tips.Where(t => t.Id == a.TipId).Select(t => t.WardId).FirstOrDefault(),
                Number = db.TipAttachments.Count(o => o.TipId == a.TipId && o.Id <= a.Id),
            })
            .SingleOrDefaultAsync(http.RequestAborted);
        if (found is not { StoredPath: { } stored } || !officer.Covers(found.WardId))
        {
            return Results.NotFound();
        }

        var folder = Path.GetFullPath(Path.Combine(content.ContentRoot, tipOptions.Value.AttachmentsDirectory));
        var path = Path.GetFullPath(Path.Combine(folder, stored));
        if (!path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(path))
        {
            return Results.NotFound();
        }

        var type = found.MimeType ?? found.Kind switch
        {
            AttachmentKind.Photo => "image/jpeg",
            _ => "application/octet-stream",
        };
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
        http.Response.Headers.CacheControl = "private, no-store";
        return ConsoleTip.PlaysInline(type)
            ? Results.File(path, type, enableRangeProcessing: true)
            : Results.File(path, type, AttachmentName.For(found.Number, found.Kind, found.MimeType), enableRangeProcessing: true);
    }
}
