using Antq.Bot.Tests.Channels.WebChat;
using Antq.Bot.Tests.Tips;
using Antq.Core.Officers;
using Antq.Core.Tips;
using Antq.Testing;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Antq.Bot.Tests.WebConsole;

/// <summary>The console in a real browser (Debian's Chromium through Playwright) against the real host.</summary>
public sealed partial class ConsoleBrowserTests
{
    [Fact]
    public async Task An_officer_signs_in_by_the_bots_link_and_triages_a_tip_to_closed_with_a_reply_the_tipster_receives()
    {
        await using var bot = await TestBot.StartAsync();
        var officer = await bot.WardOfficerAsync();
        var (resident, code) = await bot.TipAsync(701_541, officer);
        var link = await officer.AsksForLinkAsync();
        await using var browser = await WebChatBrowser.OpenAsync(bot, WebChatBrowser.Desktop);
        var page = browser.Page;

        await page.GotoAsync(link);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await Expect(page.GetByText("Đang đăng nhập: Trung úy Hà")).ToBeVisibleAsync();

        var row = page.Locator($"tr[data-tip='{code}']");
        await Expect(row).ToContainTextAsync("Mới tiếp nhận");
        await Expect(row).ToContainTextAsync("chưa phản hồi");
        await Expect(page.Locator("#queue-counts")).ToContainTextAsync("Mới tiếp nhận 1");
        await row.GetByRole(AriaRole.Link, new() { Name = TrackingCode.Display(code) }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(TrackingCode.Display(code));
        await Expect(page.Locator(".description")).ToHaveTextAsync("Có người lạ tụ tập sử dụng ma tuý ở nhà hoang cuối ngõ 5.");
        await Expect(page.GetByText("Ẩn danh — danh tính người báo")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Nhận xử lý" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đang xử lý");
        await resident.Sees($"Tin báo {TrackingCode.Display(code)} của bạn: Đang xử lý.");

        await page.GetByLabel("Nội dung trả lời").FillAsync("Cảm ơn bạn. Bạn nhớ nhà hoang đó ở số mấy không?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi trả lời" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã gửi trả lời");
        await resident.Sees("Bạn nhớ nhà hoang đó ở số mấy không?");
        await Expect(page.Locator(".thread")).ToContainTextAsync("Bạn nhớ nhà hoang đó ở số mấy không?");

        await page.GetByLabel("Ghi chú nội bộ").FillAsync("Đã báo tổ tuần tra khu vực ngõ 5.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu ghi chú" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã lưu ghi chú nội bộ");
        await Expect(page.Locator(".thread .line-internalnote")).ToContainTextAsync("Đã báo tổ tuần tra khu vực ngõ 5.");

        await page.GetByLabel("Tình trạng mới").SelectOptionAsync(new SelectOptionValue { Label = "Đã kết thúc" });
        await page.GetByLabel("Ghi chú (khi kết thúc").FillAsync("Đã phối hợp kiểm tra, xử lý 3 đối tượng.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cập nhật tình trạng" }).ClickAsync();
        await Expect(page.Locator("[data-status]")).ToHaveAttributeAsync("data-status", "Closed");
        await resident.Sees("Kết quả: Đã phối hợp kiểm tra, xử lý 3 đối tượng.");
        Assert.DoesNotContain(bot.Api.ShownTo(resident.ChatId), m => m.Text.Contains("tổ tuần tra", StringComparison.Ordinal));

        await page.GetByRole(AriaRole.Link, new() { Name = "← Danh sách tin báo" }).ClickAsync();
        await Expect(row).ToContainTextAsync("Đã kết thúc");
        await Expect(row).Not.ToContainTextAsync("chưa phản hồi");

        // One audit trail with the chat: every change is the officer's, the same rows the chat's buttons write.
        var events = await bot.QueryAsync(db => db.TipEvents.Where(e => e.Kind != TipEventKind.Submitted).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal([TipEventKind.StatusChanged, TipEventKind.OfficerReply, TipEventKind.InternalNote, TipEventKind.StatusChanged], events.Select(e => e.Kind));
        Assert.All(events, e => Assert.NotNull(e.OfficerId));
        Assert.Empty(browser.Problems);
    }

    [Fact]
    public async Task A_new_tip_appears_in_the_open_queue_within_two_seconds_with_a_badge_and_only_in_its_wards_console()
    {
        await using var bot = await TestBot.StartAsync();
        var officer = await bot.WardOfficerAsync();
        var other = await bot.WardOfficerAsync(881_562, "dong-kinh");
        await using var browser = await WebChatBrowser.OpenAsync(bot, WebChatBrowser.Desktop);
        await SignInAsync(browser.Page, await officer.AsksForLinkAsync());
        await using var elsewhere = await WebChatBrowser.OpenAsync(bot, WebChatBrowser.Phone);
        await SignInAsync(elsewhere.Page, await other.AsksForLinkAsync());
        await Expect(browser.Page.Locator("#found")).ToHaveTextAsync("0 tin báo");

        var (_, code) = await bot.TipAsync(701_561);

        // The resident has their tracking code, so the tip is stored: from here the console has 2 s.
        var row = browser.Page.Locator($"tr[data-tip='{code}']");
        await Expect(row).ToBeVisibleAsync(new() { Timeout = 2000 });
        await Expect(row).ToHaveClassAsync("arrived");
        await Expect(browser.Page.Locator("#live-badge")).ToHaveTextAsync("1 tin báo mới");
        await Expect(browser.Page.Locator("#live-said")).ToHaveTextAsync("1 tin báo mới");
        await Expect(browser.Page.Locator("#queue-counts")).ToContainTextAsync("Mới tiếp nhận 1");

        // The other ward's console hears nothing of it.
        await Task.Delay(1000);
        await Expect(elsewhere.Page.Locator("#live-badge")).ToBeHiddenAsync();
        await Expect(elsewhere.Page.Locator($"tr[data-tip='{code}']")).ToHaveCountAsync(0);
        Assert.Empty(browser.Problems);
        Assert.Empty(elsewhere.Problems);
    }

    [Fact]
    public async Task Removing_the_officer_ends_an_open_console_at_once_and_signing_out_ends_it_too()
    {
        await using var bot = await TestBot.StartAsync();
        var officer = await bot.WardOfficerAsync();
        var colleague = await bot.WardOfficerAsync(881_572);
        await using var browser = await WebChatBrowser.OpenAsync(bot, WebChatBrowser.Desktop);
        await SignInAsync(browser.Page, await officer.AsksForLinkAsync());
        await using var other = await WebChatBrowser.OpenAsync(bot, WebChatBrowser.Phone);
        await SignInAsync(other.Page, await colleague.AsksForLinkAsync());

        await bot.QueryAsync(db => new OfficerRegistry(db, TimeProvider.System).RemoveAsync("telegram", "881501", CancellationToken.None));

        // The open page hears it on its live stream and shows the sign-in page, without anyone clicking.
        await Expect(browser.Page.GetByRole(AriaRole.Heading, new() { Name = "Đăng nhập" })).ToBeVisibleAsync();
        await browser.Page.GotoAsync(new Uri(bot.BaseAddress, "/console").ToString());
        await Expect(browser.Page.GetByText("Đang đăng nhập:")).ToHaveCountAsync(0);

        await other.Page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" }).ClickAsync();
        await Expect(other.Page.GetByText("Phiên làm việc đã kết thúc")).ToBeVisibleAsync();
        await other.Page.GotoAsync(new Uri(bot.BaseAddress, "/console").ToString());
        await Expect(other.Page.GetByText("Đang đăng nhập:")).ToHaveCountAsync(0);
        Assert.Empty(other.Problems);
    }

    [Fact]
    public async Task The_pages_have_no_serious_or_critical_axe_findings_in_both_languages_and_are_pictured_at_phone_and_desktop_size()
    {
        await using var bot = await TestBot.StartAsync();
        var officer = await bot.WardOfficerAsync();
        await bot.TipAsync(701_551, officer, "Có nhóm thanh niên đua xe máy ở đường ven sông mỗi tối sau 22 giờ, rất nguy hiểm.");
        await bot.TipAsync(701_552, officer, "Nghi có người bán hàng cấm ở quán nước đầu ngõ 12, thường có người lạ ra vào.");
        var (_, code) = await bot.TipAsync(701_553, officer);
        await officer.AsksForLinkAsync();
        var link = await officer.AsksForLinkAsync();

        // axe's script is put into the page by the test, which the page's Content-Security-Policy would refuse.
        await using var browser = await WebChatBrowser.OpenAsync(bot, WebChatBrowser.Desktop, bypassCsp: true);
        var page = browser.Page;
        await page.GotoAsync(new Uri(bot.BaseAddress, "/console").ToString());
        await ScanAsync(page, "sign-in");
        await page.GotoAsync(link);
        await ScanAsync(page, "link");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await Expect(page.GetByText("Đang đăng nhập: Trung úy Hà")).ToBeVisibleAsync();

        await page.GotoAsync(new Uri(bot.BaseAddress, "/console/tips/" + code).ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Nhận xử lý" }).ClickAsync();
        await page.GetByLabel("Nội dung trả lời").FillAsync("Cảm ơn bạn. Bạn nhớ nhà hoang đó ở số mấy không?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi trả lời" }).ClickAsync();
        await page.GetByLabel("Ghi chú nội bộ").FillAsync("Đã báo tổ tuần tra khu vực ngõ 5.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu ghi chú" }).ClickAsync();
        await Expect(page.Locator(".thread .line")).ToHaveCountAsync(3);
        await ScanAsync(page, "tip", "console-tip");

        await page.GotoAsync(new Uri(bot.BaseAddress, "/console").ToString());
        await Expect(page.Locator("tr[data-tip]")).ToHaveCountAsync(3);
        await ScanAsync(page, "queue", "console-queue");

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Tips");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await ScanAsync(page, "English queue");
        await page.GotoAsync(new Uri(bot.BaseAddress, "/console/tips/" + code).ToString());
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Send reply" })).ToBeVisibleAsync();
        await ScanAsync(page, "English tip");
        Assert.Empty(browser.Problems);
    }

    #region Questions and admin pages

    [Fact]
    public async Task The_questions_and_admin_pages_have_no_serious_or_critical_axe_findings_and_a_question_is_answered_from_the_browser()
    {
        await using var bot = await TestBot.StartAsync();
        var officer = await bot.WardOfficerAsync();
        var (resident, code) = await ConsoleQuestionsTests.AsksAsync(bot, 701_951, "Nhà tôi muốn nuôi chó thì có phải đăng ký ở phường không ạ?", officer);
        await ConsoleQuestionsTests.AsksAsync(bot, 701_952, "Trụ sở công an phường làm việc vào những giờ nào trong tuần ạ?", officer);
        var admin = await Tips.TipJourneys.OfficerAsync(bot, 881_953, "Thiếu tá Lan", OfficerRole.Admin, null);
        await using var browser = await WebChatBrowser.OpenAsync(bot, WebChatBrowser.Desktop, bypassCsp: true);
        var page = browser.Page;
        await SignInAsync(page, await admin.AsksForLinkAsync());

        await page.GetByRole(AriaRole.Link, new() { Name = "Câu hỏi", Exact = true }).ClickAsync();
        var question = page.Locator($"[data-question='{code}']");
        await Expect(question).ToHaveAttributeAsync("data-state", "waiting");
        await ScanAsync(page, "questions");
        await question.GetByLabel("Trả lời câu hỏi").FillAsync("Chào chị, hiện chưa phải đăng ký; chị nhớ tiêm phòng dại cho chó nhé.");
        await question.GetByRole(AriaRole.Button, new() { Name = "Gửi câu trả lời" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Đã gửi trả lời" })).ToBeVisibleAsync();
        await Expect(question).ToHaveAttributeAsync("data-state", "answered");
        await resident.Sees("tiêm phòng dại");
        await ScanAsync(page, "questions, one answered");

        await page.GetByRole(AriaRole.Link, new() { Name = "Quản trị" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Cán bộ");
        await ScanAsync(page, "officers");
        await page.GetByLabel("Phường, xã của người được mời").SelectOptionAsync(new SelectOptionValue { Label = "Chi Lăng" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo mã mời" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Mã mời:");
        await ScanAsync(page, "officers with a notice");

        await page.GetByRole(AriaRole.Link, new() { Name = "Nhật ký thao tác" }).ClickAsync();
        await Expect(page.Locator("tr[data-action='TipOfficerReply']")).ToHaveCountAsync(1);
        await ScanAsync(page, "audit log");
        await page.GetByRole(AriaRole.Link, new() { Name = "Tình trạng hệ thống" }).ClickAsync();
        await Expect(page.Locator("[data-depth='telegram-total']")).ToBeVisibleAsync();
        await ScanAsync(page, "status");

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("System status");
        await ScanAsync(page, "English status");
        await page.GotoAsync(new Uri(bot.BaseAddress, "/console/admin/officers").ToString());
        await ScanAsync(page, "English officers");
        await page.GotoAsync(new Uri(bot.BaseAddress, "/console/questions").ToString());
        await ScanAsync(page, "English questions");
        Assert.Empty(browser.Problems);
    }

    #endregion

    private static async Task SignInAsync(IPage page, string link)
    {
        await page.GotoAsync(link);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await Expect(page.GetByText("Đang đăng nhập:")).ToBeVisibleAsync();
    }

    /// <summary>axe at phone and desktop size; with <paramref name="picture"/>, a screenshot of each into the test output's artifacts folder.</summary>
    private static async Task ScanAsync(IPage page, string what, string? picture = null)
    {
        foreach (var (size, name) in new[] { (WebChatBrowser.Phone, "phone"), (WebChatBrowser.Desktop, "desktop") })
        {
            await page.SetViewportSizeAsync(size.Width, size.Height);
            var result = await page.RunAxe();
            var serious = result.Violations.Where(v => v.Impact is "serious" or "critical")
                .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}").ToList();
            Assert.True(serious.Count == 0, $"axe on the {what} page at {size.Width}x{size.Height}:\n" + string.Join("\n", serious));
            if (picture is not null)
            {
                await page.ScreenshotAsync(new() { Path = Path.Combine(Artifacts(), $"{picture}-{name}.png"), FullPage = true });
            }
        }
    }

    /// <summary>
    /// Where the screenshots go: the test output folder, so that a test run leaves the working tree as it found it
    /// (docs/console-*.png in the README are copies of them).
    /// </summary>
    private static string Artifacts()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "artifacts");
        Directory.CreateDirectory(folder);
        return folder;
    }

    #region Pledges and report pages

    [Fact]
    public async Task The_pledges_and_report_pages_have_no_serious_or_critical_axe_findings_at_phone_and_desktop_size()
    {
        await using var bot = await TestBot.StartAsync();
        var officer = await bot.WardOfficerAsync();
        var admin = await bot.OfficerAsync(881_913, "Thiếu tá Lan", OfficerRole.Admin, null);
        await using var browser = await WebChatBrowser.OpenAsync(bot, WebChatBrowser.Desktop, bypassCsp: true);
        var page = browser.Page;
        await SignInAsync(page, await officer.AsksForLinkAsync());

        // The upload through the page's own form: a bad line listed, then the good file counted in the table.
        await page.GetByRole(AriaRole.Link, new() { Name = "Cam kết" }).ClickAsync();
        var good = Pledges.PaperPledgeTests.Valid.Split('\n').Where(l => !l.Contains("Mai Pha", StringComparison.Ordinal)).ToList();
        await page.GetByLabel("Tệp CSV").SetInputFilesAsync(new FilePayload { Name = "cam-ket.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(string.Join("\n", good) + "household,Lý Văn Phúc,Số 2 Lê Lợi,Chi Lăng,Khối 99,traffic,2026-03-02\n") });
        await page.GetByRole(AriaRole.Button, new() { Name = "Kiểm tra và nhập" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Dòng 7: không có khu dân cư \"Khối 99\" ở Chi Lăng");
        await ScanAsync(page, "pledges with bad lines");
        await page.GetByLabel("Tệp CSV").SetInputFilesAsync(new FilePayload { Name = "cam-ket.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(string.Join("\n", good)) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Kiểm tra và nhập" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("thêm 12 cam kết");
        await Expect(page.Locator("#units-covered")).ToHaveTextAsync("Khu dân cư có ít nhất một cam kết: 2/14");
        await ScanAsync(page, "pledges", "console-pledges");

        await page.GetByRole(AriaRole.Link, new() { Name = "Báo cáo" }).ClickAsync();
        await Expect(page.Locator("#summary-heading")).ToContainTextAsync("Chi Lăng");
        await ScanAsync(page, "report", "console-report");
        await page.GetByLabel("Từ ngày").FillAsync("2026-05-01");
        await page.GetByLabel("Đến ngày").FillAsync("2026-04-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem báo cáo" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Ngày bắt đầu phải trước hoặc trùng ngày kết thúc.");
        await ScanAsync(page, "report with a bad period");

        // An admin's pages: the city by ward, and the report comparing wards.
        await using var city = await WebChatBrowser.OpenAsync(bot, WebChatBrowser.Desktop, bypassCsp: true);
        await SignInAsync(city.Page, await admin.AsksForLinkAsync());
        await city.Page.GotoAsync(new Uri(bot.BaseAddress, "/console/pledges").ToString());
        await Expect(city.Page.Locator("tr[data-area='chi-lang'] td").Last).ToHaveTextAsync("12");
        await ScanAsync(city.Page, "city pledges");
        await city.Page.GotoAsync(new Uri(bot.BaseAddress, "/console/report").ToString());
        await ScanAsync(city.Page, "city report");

        // A page answered 400 is logged by the browser as a failed load; nothing else may be.
        Assert.DoesNotContain(browser.Problems, p => !p.Contains("status of 400", StringComparison.Ordinal));
        Assert.Empty(city.Problems);
    }

    #endregion

    #region Broadcasts and events

    [Fact]
    public async Task An_officer_composes_and_sends_a_broadcast_and_watches_its_progress_reach_the_end_without_a_reload()
    {
        // Ten messages a second to forty followers: the sending lasts long enough to be watched.
        await using var bot = await TestBot.StartAsync(s => s["Telegram:RateLimit:PerSecond"] = "10");
        var officer = await bot.WardOfficerAsync();
        await Antq.Bot.Tests.Broadcasts.BroadcastJourneys.FollowersAsync(bot, Antq.Core.Residents.Topics.Traffic, Enumerable.Range(701_801, 40).Select(i => (long)i));
        var link = await officer.AsksForLinkAsync();
        await using var browser = await WebChatBrowser.OpenAsync(bot, WebChatBrowser.Desktop);
        var page = browser.Page;
        await SignInAsync(page, link);

        await page.GetByRole(AriaRole.Link, new() { Name = "Tin gửi người dân" }).ClickAsync();
        await page.GetByLabel("Nội dung tin").FillAsync("Từ 1/12, đường Trần Đăng Ninh cấm xe tải từ 6 giờ đến 20 giờ.");
        await page.GetByLabel("Chủ đề").SelectOptionAsync(new SelectOptionValue { Label = "An toàn giao thông" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem trước" }).ClickAsync();
        await Expect(page.Locator(".bubble")).ToHaveTextAsync("Từ 1/12, đường Trần Đăng Ninh cấm xe tải từ 6 giờ đến 20 giờ.");
        await Expect(page.Locator("[data-recipients]")).ToHaveTextAsync("40 người (tính đến lúc này)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Xác nhận gửi" }).ClickAsync();

        var item = page.Locator("[data-broadcast='1']");
        await Expect(item).ToHaveAttributeAsync("data-status", "Sending");
        await page.EvaluateAsync("() => { window.stayed = true; }");
        await Expect(item).ToHaveAttributeAsync("data-status", "Sent", new() { Timeout = 30_000 });
        await Expect(item).ToContainTextAsync("Đã nhận: 40 · Đã chặn bot: 0 · Tạm thời không liên lạc được: 0 · Lỗi: 0 · Đang chờ: 0 · Tổng: 40");
        await Expect(item.Locator("progress")).ToHaveAttributeAsync("value", "40");
        Assert.True(await page.EvaluateAsync<bool>("() => window.stayed === true"), "the progress came without a reload");
        await bot.Chat(701_840).Sees("cấm xe tải");
        Assert.Empty(browser.Problems);
    }

    [Fact]
    public async Task The_broadcasts_and_events_pages_have_no_serious_or_critical_axe_findings_at_phone_and_desktop_size()
    {
        await using var bot = await TestBot.StartAsync();
        var officer = await bot.WardOfficerAsync();
        await Antq.Bot.Tests.Broadcasts.BroadcastJourneys.FollowersAsync(bot, Antq.Core.Residents.Topics.Traffic | Antq.Core.Residents.Topics.Events, [701_851, 701_852]);
        var link = await officer.AsksForLinkAsync();
        await using var browser = await WebChatBrowser.OpenAsync(bot, WebChatBrowser.Desktop, bypassCsp: true);
        var page = browser.Page;
        await SignInAsync(page, link);

        await page.GotoAsync(new Uri(bot.BaseAddress, "/console/broadcasts").ToString());
        await page.GetByLabel("Nội dung tin").FillAsync("Cảnh báo lừa đảo qua điện thoại: không cung cấp mã OTP cho bất kỳ ai.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem trước" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Xác nhận gửi" }).ClickAsync();
        await Expect(page.Locator("[data-broadcast='1']")).ToHaveAttributeAsync("data-status", "Sent", new() { Timeout = 15_000 });
        await page.GetByLabel("Nội dung tin").FillAsync("Họp tổ dân phố khối 2 vào tối thứ Bảy.");
        await page.GetByLabel("Hẹn giờ gửi một lần").CheckAsync();
        await page.GetByLabel("Thời điểm gửi (giờ Việt Nam)").FillAsync(Antq.Core.Locale.LocalTime.ToLocal(bot.Clock.GetUtcNow().UtcDateTime.AddDays(2)).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem trước" }).ClickAsync();
        await Expect(page.Locator("[data-recipients]")).ToBeVisibleAsync();
        await ScanAsync(page, "broadcasts", "console-broadcasts");

        await page.GetByRole(AriaRole.Link, new() { Name = "Sự kiện" }).ClickAsync();
        await page.GetByLabel("Tên sự kiện").FillAsync("Ngày hội Toàn dân bảo vệ ANTQ phường Chi Lăng");
        await page.GetByLabel("Nội dung, chương trình").FillAsync("Văn nghệ, trò chơi dân gian, tuyên truyền phòng chống ma tuý.");
        await page.GetByLabel("Địa điểm").FillAsync("Nhà văn hoá khối 2");
        var start = Antq.Core.Locale.LocalTime.ToLocal(bot.Clock.GetUtcNow().UtcDateTime.AddDays(7));
        await page.GetByLabel("Bắt đầu (giờ Việt Nam)").FillAsync(start.ToString("yyyy-MM-dd'T'08:00", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Kết thúc (giờ Việt Nam)").FillAsync(start.ToString("yyyy-MM-dd'T'11:00", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo và thông báo cho người dân" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã tạo sự kiện #1");
        await ScanAsync(page, "events", "console-events");

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Events");
        await ScanAsync(page, "English events");
        await page.GetByRole(AriaRole.Link, new() { Name = "Broadcasts" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Broadcasts");
        await ScanAsync(page, "English broadcasts");
        Assert.Empty(browser.Problems);
    }

    [Fact]
    public async Task An_officer_attaches_a_photo_to_a_broadcast_sees_it_in_the_preview_and_residents_get_it_without_its_metadata()
    {
        await using var bot = await TestBot.StartAsync();
        var officer = await bot.WardOfficerAsync();
        await Antq.Bot.Tests.Broadcasts.BroadcastJourneys.FollowersAsync(bot, Antq.Core.Residents.Topics.Traffic, [701_871]);
        var link = await officer.AsksForLinkAsync();
        await using var browser = await WebChatBrowser.OpenAsync(bot, WebChatBrowser.Desktop);
        var page = browser.Page;
        await SignInAsync(page, link);
        const string caption = "Đoạn đường Bà Triệu đang sửa, xe tải đi đường Lê Lợi.";

        await page.GotoAsync(new Uri(bot.BaseAddress, "/console/broadcasts").ToString());
        await page.GetByLabel("Nội dung tin").FillAsync(caption);
        await page.GetByLabel("Chủ đề").SelectOptionAsync(new SelectOptionValue { Label = "An toàn giao thông" });
        await page.GetByLabel("Ảnh kèm theo").SetInputFilesAsync(new FilePayload { Name = "duong-ba-trieu.jpg", MimeType = "image/jpeg", Buffer = TestImages.JpegWithMetadata(400, 300) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem trước" }).ClickAsync();

        // The photo shows in the preview under the console's own content policy.
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Ảnh gửi kèm tin" })).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('.bc-photo img')?.naturalWidth > 0");
        await Expect(page.Locator(".bc-photo figcaption")).ToHaveTextAsync(caption);
        await page.GetByRole(AriaRole.Button, new() { Name = "Xác nhận gửi" }).ClickAsync();

        await Expect(page.Locator("[data-broadcast='1']")).ToHaveAttributeAsync("data-status", "Sent", new() { Timeout = 15_000 });
        await Expect(page.Locator("[data-broadcast='1']")).ToContainTextAsync("kèm ảnh");
        var photo = await bot.Api.WaitForCallAsync(c => c.Method == "sendPhoto" && c.ChatId == "701871", ChatScript.Patience);
        Assert.Contains(caption, photo.Field("caption"), StringComparison.Ordinal);
        Assert.Empty(TestImages.MetadataIn(Assert.Single(photo.Files).Content));
        Assert.Empty(browser.Problems);
    }

    #endregion
}
