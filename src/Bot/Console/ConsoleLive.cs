using System.Globalization;
using Antq.Core.Officers;
using Antq.Core.Storage;
using Antq.Core.Tips;
using Microsoft.EntityFrameworkCore;

namespace Antq.Bot.WebConsole;

/// <summary>
/// Server-sent events for an open console page: each new tip in the officer's scope, as <c>event: tip</c> with its
/// code and id, and each new "ask an officer" question as <c>event: question</c>, within a second. It reads the database (not an in-process signal), so a tip taken in by another
/// instance on the same PostgreSQL database is seen too. The officer's row is read again each time round: removed,
/// or their role or ward changed, and the stream says <c>ended</c> and stops.
/// </summary>
public static class ConsoleLive
{
    /// <summary>How often the stream looks for new tips: half a second leaves room in the 2 s an officer may wait.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(20);

    /// <param name="after">The newest tip the page shows (the queue), so one that came meanwhile is not missed.</param>
    /// <param name="questions">The newest question the page knows of (the questions page), likewise.</param>
    public static async Task StreamAsync(HttpContext http, IDbContextFactory<AntqDb> dbFactory, TimeProvider time, IHostApplicationLifetime lifetime, long? after, long? questions)
    {
        if (ConsoleSession.Current(http) is not { } officer)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
        var ct = stop.Token;
        if (long.TryParse(http.Request.Headers["Last-Event-ID"], NumberStyles.None, CultureInfo.InvariantCulture, out var resumed))
        {
            (after, questions) = (resumed, resumed);
        }

        // One cursor per kind: the queue names its newest tip, the questions page its newest question; a kind the page
        // does not name starts after the newest row in scope (tips and questions share one sequence of ids).
        long newest = 0;
        if (after is null || questions is null)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            newest = await InScope(db, officer).MaxAsync(t => (long?)t.Id, ct) ?? 0;
        }

        var (lastTip, lastQuestion) = (after ?? newest, questions ?? newest);

        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        await http.Response.WriteAsync("retry: 2000\n\n", ct);
        await http.Response.Body.FlushAsync(ct);
        var quietSince = time.GetTimestamp();
        try
        {
            while (!ct.IsCancellationRequested)
            {
                await Task.Delay(Interval, time, ct);
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                var current = await db.Officers.AsNoTracking().SingleOrDefaultAsync(o => o.Id == officer.Id, ct);
                if (current is null || current.Role != officer.Role || current.WardId != officer.WardId)
                {
                    await http.Response.WriteAsync("event: ended\ndata: \n\n", ct);
                    await http.Response.Body.FlushAsync(ct);
                    return;
                }

                // The lower cursor bounds the key's range, so each look reads only the newest rows.
                var (floor, tip, question) = (Math.Min(lastTip, lastQuestion), lastTip, lastQuestion);
                var arrived = await InScope(db, officer)
                    .Where(t => t.Id > floor && (t.Kind == TipKind.Tip ? t.Id > tip : t.Id > question))
                    .OrderBy(t => t.Id).Select(t => new { t.Id, t.Code, t.Kind }).Take(50).ToListAsync(ct);
                foreach (var row in arrived)
                {
                    var kind = row.Kind == TipKind.Question ? "question" : "tip";
                    await http.Response.WriteAsync($"id: {row.Id.ToString(CultureInfo.InvariantCulture)}\nevent: {kind}\ndata: {row.Code}\n\n", ct);
                    (lastTip, lastQuestion) = row.Kind == TipKind.Question ? (lastTip, row.Id) : (row.Id, lastQuestion);
                }

                if (arrived.Count == 0 && time.GetElapsedTime(quietSince) < KeepAlive)
                {
                    continue;
                }

                // A comment now and then keeps proxies from closing a quiet stream.
                if (arrived.Count == 0)
                {
                    await http.Response.WriteAsync(": still here\n\n", ct);
                }

                quietSince = time.GetTimestamp();
                await http.Response.Body.FlushAsync(ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The page was closed or the service is stopping.
        }
    }

    /// <summary>The tips and questions an officer's scope covers: their ward, or the city for an admin.</summary>
    private static IQueryable<Tip> InScope(AntqDb db, Officer officer)
    {
        var tips = db.Tips.AsNoTracking();
        return officer.Role == OfficerRole.Admin ? tips : tips.Where(t => t.WardId == officer.WardId);
    }
}
