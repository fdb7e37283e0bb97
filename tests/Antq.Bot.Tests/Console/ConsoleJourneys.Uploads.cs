using System.Net.Http.Headers;

namespace Antq.Bot.Tests.WebConsole;

/// <summary>Files posted as a page's own upload form would post them (multipart, with its form token).</summary>
internal static partial class ConsoleJourneys
{
    public static async Task<HttpResponseMessage> PostFileAsync(
        this HttpClient client, string pagePath, string action, string field, string fileName, byte[] content, string contentType, params (string Name, string Value)[] fields)
    {
        var token = await client.FormTokenAsync(pagePath);
        using var form = new MultipartFormDataContent { { new StringContent(token), "__form" } };
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, field, fileName);
        return await client.PostAsync(action, form);
    }

    /// <summary>The officer's console in English from now on, as the header's language button sets it.</summary>
    public static async Task InEnglishAsync(this HttpClient client) =>
        await client.PostFormAsync("/console", "/console?handler=language", ("lang", "en"), ("back", "/console"));
}
