using Antq.Core.Broadcasts;
using Antq.Core.Conversations;

namespace Antq.Bot.WebConsole;

/// <summary>
/// A broadcast photo uploaded in the console, shown in its preview: to the officer who uploaded it only (anyone
/// else, or an id that is not one: 404), as the image its bytes say, never sniffed, never run.
/// </summary>
public static class ConsolePhotoRoute
{
    public const string Path = ConsoleRegistration.Path + "/photos/";

    public static string For(string id) => Path + id;

    public static async Task<IResult> ServeAsync(string id, HttpContext http, ConsolePhotoFiles photos)
    {
        if (ConsoleSession.Current(http) is not { } officer || await photos.ReadAsync(id, officer.Id, http.RequestAborted) is not { } bytes
            || ImageFormat.Sniff(bytes) is not { } image)
        {
            return Results.NotFound();
        }

        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
        http.Response.Headers.CacheControl = "private, no-store";
        return Results.Bytes(bytes, image.MimeType);
    }
}
