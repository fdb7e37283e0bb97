using System.Net;
using Antq.Bot.Tests.Tips;
using Antq.Core.Officers;
using Antq.Core.Tips;
using Antq.Testing;
using Microsoft.EntityFrameworkCore;

namespace Antq.Bot.Tests.WebConsole;

/// <summary>What the server refuses whatever the browser sends: other wards' tips, forms from elsewhere.</summary>
public sealed class ConsoleScopeTests
{
    [Fact]
    public async Task Another_wards_tip_by_url_answers_404_to_read_and_to_act_while_an_admin_sees_it()
    {
        await using var bot = await TestBot.StartAsync();
        var own = await bot.WardOfficerAsync();
        var (_, code) = await bot.TipAsync(701_511, own);
        var other = await bot.WardOfficerAsync(881_512, "dong-kinh");
        var admin = await bot.OfficerAsync(881_513, "Thiếu tá Lan", OfficerRole.Admin, null);
        using var outsider = bot.Client();
        await outsider.SignInAsync(await other.AsksForLinkAsync());

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync("/console/tips/" + code)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync("/console/tips/ZZZZ9999")).StatusCode);
        var taken = await outsider.PostFormAsync("/console", $"/console/tips/{code}?handler=Take");
        Assert.Equal(HttpStatusCode.NotFound, taken.StatusCode);
        Assert.Equal(TipStatus.New, await bot.QueryAsync(db => db.Tips.Select(t => t.Status).SingleAsync()));
        Assert.DoesNotContain($"data-tip=\"{code}\"", await outsider.GetStringAsync("/console"), StringComparison.Ordinal);
        Assert.DoesNotContain($"data-tip=\"{code}\"", await outsider.GetStringAsync("/console?q=" + code), StringComparison.Ordinal);
        Assert.DoesNotContain($"data-tip=\"{code}\"", await outsider.GetStringAsync("/console?ward=chi-lang"), StringComparison.Ordinal);

        using var city = bot.Client();
        await city.SignInAsync(await admin.AsksForLinkAsync());
        Assert.Equal(HttpStatusCode.OK, (await city.GetAsync("/console/tips/" + code)).StatusCode);
        Assert.Contains($"data-tip=\"{code}\"", await city.GetStringAsync("/console"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused_and_changes_nothing()
    {
        await using var bot = await TestBot.StartAsync();
        var officer = await bot.WardOfficerAsync();
        var (resident, code) = await bot.TipAsync(701_521, officer);
        using var client = bot.Client();
        await client.SignInAsync(await officer.AsksForLinkAsync());

        // What a page on another site could make the officer's browser send: the cookie, no form token.
        var take = await client.PostAsync($"/console/tips/{code}?handler=Take", new FormUrlEncodedContent([]));
        var reply = await client.PostAsync($"/console/tips/{code}?handler=Reply", new FormUrlEncodedContent([new("text", "Xin cung cấp số điện thoại.")]));
        var signOut = await client.PostAsync("/console/signout", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, take.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, reply.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, signOut.StatusCode);
        Assert.Equal(TipStatus.New, await bot.QueryAsync(db => db.Tips.Select(t => t.Status).SingleAsync()));
        await resident.SeesNothingFor(TimeSpan.FromMilliseconds(500));

        // The same form with its token goes through.
        var taken = await client.PostFormAsync("/console/tips/" + code, $"/console/tips/{code}?handler=Take");
        Assert.Equal(HttpStatusCode.Redirect, taken.StatusCode);
        Assert.Equal(TipStatus.InProgress, await bot.QueryAsync(db => db.Tips.Select(t => t.Status).SingleAsync()));
    }

    [Fact]
    public async Task An_attachment_is_served_to_officers_in_scope_only()
    {
        var folder = Directory.CreateTempSubdirectory("antq-console-files-").FullName;
        await using var bot = await TestBot.StartAsync(s => s["Tips:AttachmentsDirectory"] = folder);
        var own = await bot.WardOfficerAsync();
        var (_, code) = await bot.TipAsync(701_531, own);
        Directory.CreateDirectory(Path.Combine(folder, "1"));
        await File.WriteAllBytesAsync(Path.Combine(folder, "1", "a.jpg"), TestImages.Jpeg());
        await File.WriteAllTextAsync(Path.Combine(folder, "1", "b.pdf"), "%PDF-1.4 <script>alert(1)</script>");
        var (id, document) = await bot.QueryAsync(async db =>
        {
            var tip = await db.Tips.SingleAsync();
            var photo = new TipAttachment { TipId = tip.Id, Kind = Antq.Core.Conversations.AttachmentKind.Photo, FileId = "f", MimeType = "image/jpeg", StoredPath = "1/a.jpg" };
            var pdf = new TipAttachment { TipId = tip.Id, Kind = Antq.Core.Conversations.AttachmentKind.Document, FileId = "g", MimeType = "application/pdf", StoredPath = "1/b.pdf" };
            db.TipAttachments.AddRange(photo, pdf);
            await db.SaveChangesAsync();
            return (photo.Id, pdf.Id);
        });
        var other = await bot.WardOfficerAsync(881_532, "dong-kinh");
        using var mine = bot.Client();
        await mine.SignInAsync(await own.AsksForLinkAsync());
        using var theirs = bot.Client();
        await theirs.SignInAsync(await other.AsksForLinkAsync());
        using var nobody = bot.Client();

        var served = await mine.GetAsync($"/console/files/{id}");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/jpeg", served.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"/console/files/{id}", await mine.GetStringAsync("/console/tips/" + code), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await theirs.GetAsync($"/console/files/{id}")).StatusCode);

        // A document is downloaded under a neutral name, never shown as a page of the console.
        var download = await mine.GetAsync($"/console/files/{document}");
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("tep-dinh-kem-2.pdf", download.Content.Headers.ContentDisposition?.FileName);
        Assert.Contains("sandbox", download.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, (await nobody.GetAsync($"/console/files/{id}")).StatusCode);
    }
}
