using System.Net;
using Antq.Bot.WebConsole;
using Antq.Testing;
using Microsoft.EntityFrameworkCore;

namespace Antq.Bot.Tests.WebConsole;

/// <summary>A shared location on a tip's page: a map from the city's tile server when one is configured, the coordinates always.</summary>
public sealed class ConsoleMapTests
{
    private const string Tiles = "http://127.0.0.1:9/tiles/{z}/{x}/{y}.png";

    // The Chi Lăng ward post area in Lạng Sơn: at zoom 16 its tile is x 52203, y 28689 (the slippy-map
    // formula: x = (106.7612 + 180) / 360 × 2^16 = 52203.3; y from the Mercator projection of 21.8537° = 28689.5).
    private const double Latitude = 21.8537;
    private const double Longitude = 106.7612;

    [Fact]
    public void The_tiles_around_a_point_are_the_slippy_map_tiles_and_the_view_is_centred_on_it()
    {
        var map = ConsoleMap.Around(Latitude, Longitude, 16, Tiles)!;

        Assert.Equal(9, map.Tiles.Count);
        Assert.Contains(map.Tiles, t => t.Url == "http://127.0.0.1:9/tiles/16/52203/28689.png" && t.X == 256 && t.Y == 256);
        Assert.Contains(map.Tiles, t => t.Url == "http://127.0.0.1:9/tiles/16/52202/28688.png" && t.X == 0 && t.Y == 0);
        Assert.InRange(map.MarkerX, 256, 512);
        Assert.InRange(map.MarkerY, 256, 512);
        var view = map.ViewBox.Split(' ').Select(double.Parse).ToArray();
        Assert.Equal(map.MarkerX, view[0] + view[2] / 2, 0.1);
        Assert.Equal(map.MarkerY, view[1] + view[3] / 2, 0.1);
    }

    [Fact]
    public void Points_that_cannot_be_drawn_give_no_map_and_tiles_wrap_round_the_date_line()
    {
        Assert.Null(ConsoleMap.Around(Latitude, Longitude, 16, ""));
        Assert.Null(ConsoleMap.Around(89.9, Longitude, 16, Tiles));
        Assert.Null(ConsoleMap.Around(double.NaN, Longitude, 16, Tiles));

        var edge = ConsoleMap.Around(0.1, 179.999, 2, Tiles)!;
        Assert.Contains(edge.Tiles, t => t.Url.EndsWith("/2/0/1.png", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_a_tile_server_configured_the_tips_page_shows_the_map_and_allows_only_that_server_for_images()
    {
        await using var bot = await TestBot.StartAsync(c =>
        {
            c["Console:MapTiles"] = Tiles;
            c["Console:MapAttribution"] = "© Bản đồ thành phố";
        });
        var code = await SharedLocationTipAsync(bot);
        using var client = bot.Client();
        await client.SignInAsync(await (await bot.WardOfficerAsync()).AsksForLinkAsync());

        var page = await client.GetAsync("/console/tips/" + code);

        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Contains("<svg viewBox=", html, StringComparison.Ordinal);
        Assert.Contains("href=\"http://127.0.0.1:9/tiles/16/52203/28689.png\"", html, StringComparison.Ordinal);
        Assert.Contains("Bản đồ quanh vị trí 21.85370, 106.76120", html, StringComparison.Ordinal);
        Assert.Contains("© Bản đồ thành phố", html, StringComparison.Ordinal);
        var policy = string.Join(' ', page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("img-src 'self' http://127.0.0.1:9;", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.Equal("no-referrer", string.Join(' ', page.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task Without_a_tile_server_the_page_shows_the_coordinates_and_loads_no_image_from_elsewhere()
    {
        await using var bot = await TestBot.StartAsync();
        var code = await SharedLocationTipAsync(bot);
        using var client = bot.Client();
        await client.SignInAsync(await (await bot.WardOfficerAsync()).AsksForLinkAsync());

        var page = await client.GetAsync("/console/tips/" + code);

        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Contains("21.85370, 106.76120", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<svg viewBox=", html, StringComparison.Ordinal);
        Assert.Contains("img-src 'self';", string.Join(' ', page.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tile_address_that_is_not_one_stops_start_up_naming_the_key()
    {
        var problem = await Assert.ThrowsAnyAsync<Exception>(() => TestBot.StartAsync(c => c["Console:MapTiles"] = "javascript:alert(1)/{z}/{x}/{y}"));

        Assert.Contains("Console:MapTiles", problem.ToString(), StringComparison.Ordinal);
    }

    /// <summary>A tip from a resident who shared their location (the pin is set as the place step stores it).</summary>
    private static async Task<string> SharedLocationTipAsync(TestBot bot)
    {
        var (_, code) = await bot.TipAsync(702_101);
        await bot.QueryAsync(db => db.Tips.Where(t => t.Code == code).ExecuteUpdateAsync(s => s.SetProperty(t => t.Latitude, Latitude).SetProperty(t => t.Longitude, Longitude)));
        return code;
    }
}
