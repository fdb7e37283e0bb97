using System.Globalization;
using Antq.Core.Channels;
using Antq.Core.Conversations;
using Microsoft.Extensions.Options;

namespace Antq.Bot.Channels.WebChat;

/// <summary>
/// <c>POST /chat/photos</c>: a photo (JPEG, PNG or WebP, checked by its bytes) as multipart/form-data field "photo",
/// with an optional "caption". Taken only at a step that asks for one and within the upload quotas, so a visitor
/// cannot fill the disk; re-encoded before it is stored, so nothing but its pixels is kept.
/// </summary>
public static class WebChatPhotoEndpoint
{
    public static async Task<IResult> PostAsync(
        HttpContext http,
        WebChatVisitors visitors,
        WebChatLimits limits,
        WebChatIntake intake,
        WebChatUploads uploads,
        MediaSteps steps,
        IImageScrubber scrubber,
        IOptions<WebChatOptions> options,
        TimeProvider time)
    {
        var (refused, visitor) = await WebChatEndpoints.GuardAsync(http, visitors, limits);
        if (refused is not null)
        {
            return refused;
        }

        if (!http.Request.HasFormContentType || !(http.Request.ContentType ?? "").StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return WebChatEndpoints.Refuse(StatusCodes.Status415UnsupportedMediaType, "unsupported_type", "Send the photo as multipart/form-data, in a field named \"photo\".");
        }

        var max = options.Value.MaxPhotoBytes;
        if (!WebChatEndpoints.LimitBody(http, max + 64 * 1024))
        {
            return WebChatEndpoints.TooLarge(max);
        }

        // Before the body is read: no step waiting for a photo, or no room left, and nothing is taken in.
        if (!await steps.AsksForMediaAsync(WebChatChannel.ChannelName, visitor!.ChatId, http.RequestAborted))
        {
            return WebChatEndpoints.Refuse(
                StatusCodes.Status409Conflict,
                "photo_not_asked",
                "No photo is asked for at this step: send it when the bot asks for one (a tip's photos). / Bước này chưa cần ảnh: bạn gửi ảnh khi bot đề nghị (ví dụ ảnh của tin báo).");
        }

        if (uploads.Quota.Check(visitor.ChatId, Math.Clamp(http.Request.ContentLength ?? 1, 1, max)) is { } full)
        {
            return OverQuota(http, full);
        }

        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(http.RequestAborted);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return WebChatEndpoints.TooLarge(max);
        }
        catch (InvalidDataException)
        {
            return WebChatEndpoints.Refuse(StatusCodes.Status400BadRequest, "bad_request", "The form could not be read.");
        }

        if (form.Files.GetFile("photo") is not { Length: > 0 } photo)
        {
            return WebChatEndpoints.Refuse(StatusCodes.Status400BadRequest, "bad_request", "The form has no photo (field \"photo\").");
        }

        if (photo.Length > max)
        {
            return WebChatEndpoints.TooLarge(max);
        }

        byte[] bytes;
        await using (var stream = photo.OpenReadStream())
        {
            using var buffer = new MemoryStream((int)photo.Length);
            await stream.CopyToAsync(buffer, http.RequestAborted);
            bytes = buffer.ToArray();
        }

        // Re-encoded here, before anything keeps it: the stored file, the archive and officers get only the pixels.
        if (ImageFormat.Sniff(bytes) is not { } type || scrubber.Scrub(bytes) is not { } clean)
        {
            return WebChatEndpoints.Refuse(StatusCodes.Status415UnsupportedMediaType, "unsupported_photo", "Only JPEG, PNG or WebP photos are accepted. / Chỉ nhận ảnh JPEG, PNG hoặc WebP.");
        }

        var (fileId, over) = await uploads.SaveAsync(visitor.ChatId, clean, type.Extension, http.RequestAborted);
        if (over is { } quota)
        {
            return OverQuota(http, quota);
        }

        var caption = form["caption"].ToString();
        var message = WebChatMapper.Photo(visitor, form["id"].ToString(), fileId!, clean.Length, type.MimeType, caption, form["language"].ToString(), time.GetUtcNow());
        await intake.AcceptAsync(message, null, http.RequestAborted);
        return Results.Json(new { status = "accepted" }, WebChatEndpoints.Json, statusCode: StatusCodes.Status202Accepted);
    }

    /// <summary>429 for the visitor's own hour, 503 when the service takes no more photos for now; both say when to try again.</summary>
    private static IResult OverQuota(HttpContext http, (UploadRefusal Why, TimeSpan RetryAfter) refusal)
    {
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(refusal.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return refusal.Why == UploadRefusal.Visitor
            ? WebChatEndpoints.Refuse(
                StatusCodes.Status429TooManyRequests,
                "upload_quota",
                "You have sent many photos in the last hour: try again later. / Bạn đã gửi nhiều ảnh trong một giờ qua: vui lòng thử lại sau.")
            : WebChatEndpoints.Refuse(
                StatusCodes.Status503ServiceUnavailable,
                "uploads_full",
                "Photos cannot be taken right now: send your message without one, or try again later. / Hiện chưa nhận thêm ảnh được: bạn có thể gửi tin không kèm ảnh, hoặc thử lại sau.");
    }
}
