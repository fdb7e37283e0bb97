using Microsoft.AspNetCore.Http.Features;

namespace Antq.Bot.Channels;

/// <summary>
/// Reads a webhook's body up to a limit, counted on the stream itself: a chunked body has no Content-Length to
/// check first, and would otherwise be read whole (Kestrel allows 30 MB) before anything refused it.
/// </summary>
public static class RequestBody
{
    /// <summary>The body, or null when it is (or is declared to be) larger than <paramref name="max"/> bytes.</summary>
    public static async Task<byte[]?> ReadAsync(HttpContext http, int max)
    {
        if (http.Request.ContentLength > max)
        {
            return null;
        }

        // The server stops reading too (413 from Kestrel), so the rest of an oversize body is not even received.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = max + 1L;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > max)
                {
                    return null;
                }
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }

        return buffer.ToArray();
    }
}
