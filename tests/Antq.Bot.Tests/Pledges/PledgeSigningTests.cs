using System.Text;
using Antq.Bot.Tests.Conversations;
using Antq.Core.Pledges;
using Antq.Testing;
using Microsoft.EntityFrameworkCore;

namespace Antq.Bot.Tests.Pledges;

public sealed class PledgeSigningTests
{
    [Fact]
    public async Task A_household_reads_the_full_text_commits_and_gets_a_receipt()
    {
        await using var bot = await PledgeJourneys.StartAsync();
        var chat = await bot.SignedUpAsync(705_001);

        await chat.AtTypesAsHouseholdAsync("Nguyễn Văn An", "Số 12, ngõ 5, đường Trần Đăng Ninh");
        chat.Taps("An toàn giao thông");
        await chat.Sees("Bạn muốn ký những cam kết nào");
        chat.Taps("Xong");
        await chat.Sees("BẢN CAM KẾT BẢO ĐẢM TRẬT TỰ, AN TOÀN GIAO THÔNG\n\n1. Chấp hành nghiêm");
        var review = await chat.Sees("Bạn vừa đọc toàn văn các bản cam kết ở trên.");
        Assert.Contains("Người ký: Nguyễn Văn An\nĐịa chỉ: Số 12, ngõ 5, đường Trần Đăng Ninh\nKhối, thôn: Khối 2, Phường Chi Lăng", review.Text, StringComparison.Ordinal);
        var receipt = await chat.CommitsAsync();

        Assert.Contains("✅ Đã ghi nhận cam kết năm", receipt.Text, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^• An toàn giao thông — số CK\d{4}-\d{6}$", receipt.Text);
        Assert.DoesNotContain("(bản ", receipt.Text, StringComparison.Ordinal);
        Assert.Contains("Ngày ký: " + PledgeJourneys.Today.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture), receipt.Text, StringComparison.Ordinal);
        Assert.Contains("sẽ nhắn bạn ký lại", receipt.Text, StringComparison.Ordinal);
        var pledge = await bot.QueryAsync(db => db.Pledges.SingleAsync());
        Assert.Equal((SignerKind.Household, "Nguyễn Văn An", "chi-lang-k2", PledgeSource.Chat, "traffic"), (pledge.SignerKind, pledge.SignerName, pledge.UnitId, pledge.Source, pledge.TypeId));
        Assert.NotNull(pledge.ResidentId);
    }

    [Fact]
    public async Task A_business_signs_two_pledges_at_once_and_a_school_is_offered_only_its_own()
    {
        await using var bot = await PledgeJourneys.StartAsync();
        var shop = await bot.SignedUpAsync(705_010);
        shop.Taps("Ký cam kết");
        await shop.Sees("với tư cách nào?");
        shop.Taps("Hộ kinh doanh");
        await shop.Sees("Tên hộ kinh doanh");
        shop.Says("Tạp hoá Minh Châu");
        await shop.Sees("Họ và tên chủ hộ kinh doanh?");
        shop.Says("Lương Minh Châu");
        await shop.Sees("Địa chỉ kinh doanh");
        shop.Says("25 Lê Lợi");
        await shop.Sees("khối, thôn nào?");
        shop.Taps("Khối, thôn khác");
        await shop.Sees("phường, xã nào");
        shop.Says("hoang van thu");
        await shop.Sees("khối, thôn nào của Phường Hoàng Văn Thụ");
        shop.Says("khoi 3");
        await shop.Sees("Bạn muốn ký những cam kết nào");
        shop.Taps("Không sử dụng pháo");
        await shop.Sees("Bạn muốn ký");
        shop.Taps("Phòng cháy, chữa cháy");
        await shop.Sees("Bạn muốn ký");
        shop.Taps("Xong");
        await shop.Sees("BẢN CAM KẾT KHÔNG SẢN XUẤT, MUA BÁN");
        await shop.Sees("BẢN CAM KẾT BẢO ĐẢM AN TOÀN PHÒNG CHÁY");
        await shop.Sees("Người ký: Tạp hoá Minh Châu (Lương Minh Châu)");
        var receipt = await shop.CommitsAsync();
        Assert.Contains("Không sử dụng pháo — số", receipt.Text, StringComparison.Ordinal);
        Assert.Contains("Phòng cháy, chữa cháy — số", receipt.Text, StringComparison.Ordinal);

        var teacher = await bot.SignedUpAsync(705_011);
        teacher.Taps("Ký cam kết");
        await teacher.Sees("với tư cách nào?");
        teacher.Taps("Giáo viên, học sinh");
        await teacher.Sees("Họ và tên thầy, cô giáo hoặc em học sinh?");
        teacher.Says("Hoàng Thị Lan");
        await teacher.Sees("Trường nào?");
        teacher.Says("Trường THCS Chi Lăng");
        await teacher.Sees("Lớp nào?");
        teacher.Says("8A");
        await teacher.Sees("khối, thôn nào?");
        teacher.Taps("Khối 2");
        var offered = await teacher.Sees("Bạn muốn ký những cam kết nào");
        Assert.DoesNotContain(offered.Buttons, b => b.Text.Contains("An ninh", StringComparison.Ordinal));
        teacher.Taps("Ký tất cả");
        await teacher.Sees("TRẬT TỰ, AN TOÀN GIAO THÔNG");
        await teacher.Sees("PHÁO TRÁI PHÉP");
        await teacher.Sees("PHÒNG CHÁY");
        await teacher.Sees("Địa chỉ: Trường THCS Chi Lăng, 8A");
        await teacher.CommitsAsync();

        var individual = await bot.SignedUpAsync(705_012);
        individual.Taps("Ký cam kết");
        await individual.Sees("với tư cách nào?");
        individual.Taps("Cá nhân");
        await individual.Sees("Họ và tên của bạn?");
        individual.Says("Vi Văn Đức");
        await individual.Sees("Địa chỉ nơi bạn đang ở");
        individual.Says("Thôn Nà Chuông");
        await individual.Sees("khối, thôn nào?");
        individual.Taps("Khối 2");
        await individual.Sees("Bạn muốn ký những cam kết nào");
        individual.Taps("Ký tất cả");
        await individual.Sees("GIAO THÔNG");
        await individual.Sees("AN NINH, TRẬT TỰ");
        await individual.Sees("PHÁO");
        await individual.Sees("Bạn vừa đọc toàn văn");
        await individual.CommitsAsync();

        var signed = await bot.QueryAsync(db => db.Pledges.OrderBy(p => p.Id).Select(p => new { p.SignerKind, p.TypeId, p.UnitId }).ToListAsync());
        Assert.Equal(
            ["Business fireworks hoang-van-thu-k3", "Business fire hoang-van-thu-k3", "School traffic chi-lang-k2", "School fireworks chi-lang-k2", "School fire chi-lang-k2",
             "Individual traffic chi-lang-k2", "Individual security chi-lang-k2", "Individual fireworks chi-lang-k2"],
            signed.Select(p => $"{p.SignerKind} {p.TypeId} {p.UnitId}"));
    }

    [Fact]
    public async Task Signing_again_with_the_name_typed_differently_is_recognised_and_not_counted_twice()
    {
        await using var bot = await PledgeJourneys.StartAsync();
        var first = await bot.SignedUpAsync(705_020);
        await first.AtTypesAsHouseholdAsync("Nguyễn Thị Hoà", "Số 7, ngõ 2, đường Bà Triệu");
        first.Taps("An toàn giao thông");
        await first.Sees("Bạn muốn ký");
        first.Taps("Xong");
        await first.Sees("GIAO THÔNG");
        await first.Sees("Bạn vừa đọc");
        await first.CommitsAsync();

        // Another member of the family, on another phone: decomposed Unicode, capitals, no diacritics.
        var second = await bot.SignedUpAsync(705_021);
        await second.AtTypesAsHouseholdAsync("NGUYỄN THỊ HOÀ".Normalize(NormalizationForm.FormD), "so 7 ngo 2 duong ba trieu");
        second.Taps("Ký tất cả");
        foreach (var _ in Enumerable.Range(0, 4))
        {
            await second.Sees("BẢN CAM KẾT");
        }

        await second.Sees("Bạn vừa đọc");
        var receipt = await second.CommitsAsync();
        Assert.Contains("• An toàn giao thông: người ký này đã ký ngày", receipt.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("An toàn giao thông — số", receipt.Text, StringComparison.Ordinal);
        Assert.Contains("An ninh, trật tự — số", receipt.Text, StringComparison.Ordinal);

        var third = await bot.SignedUpAsync(705_022);
        await third.AtTypesAsHouseholdAsync("nguyen thi hoa", "Số 7,  ngõ 2, Bà Triệu");
        third.Taps("An toàn giao thông");
        await third.Sees("Bạn muốn ký");
        third.Taps("Xong");
        await third.Sees("GIAO THÔNG");
        await third.Sees("Bạn vừa đọc");
        var another = await third.CommitsAsync();
        Assert.Contains("An toàn giao thông — số", another.Text, StringComparison.Ordinal);

        var traffic = await bot.QueryAsync(db => db.Pledges.CountAsync(p => p.TypeId == "traffic"));
        Assert.Equal(2, traffic);
        Assert.Equal(5, await bot.QueryAsync(db => db.Pledges.CountAsync()));
    }

    [Fact]
    public async Task A_closed_campaign_says_so_and_when_the_next_opens()
    {
        await using var bot = await PledgeJourneys.StartAsync(opensInDays: -60, closesInDays: 1);
        var chat = await bot.SignedUpAsync(705_030);
        chat.Says("/pledge");
        await chat.Sees("Bạn ký cam kết với tư cách nào?");

        bot.Clock.Advance(TimeSpan.FromDays(3));
        chat.Says("/pledge");
        await chat.Sees("đã lâu không có trả lời");
        var closed = await chat.Sees("Đợt ký cam kết năm");
        var closes = PledgeJourneys.Today.AddDays(1).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
        var next = PledgeJourneys.Today.AddDays(-60).AddYears(1).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"đã kết thúc ngày {closes}. Đợt tiếp theo dự kiến mở từ ngày {next}", closed.Text, StringComparison.Ordinal);

        await using var early = await PledgeJourneys.StartAsync(opensInDays: 10, closesInDays: 100);
        var waiting = await early.SignedUpAsync(705_031);
        waiting.Taps("Ký cam kết");
        await waiting.Sees("sẽ mở từ ngày " + PledgeJourneys.Today.AddDays(10).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Details_can_be_corrected_inside_the_window_but_not_after_and_a_withdrawal_is_kept()
    {
        await using var bot = await PledgeJourneys.StartAsync(correctionDays: 7);
        var chat = await bot.SignedUpAsync(705_040);
        await chat.AtTypesAsHouseholdAsync("Trần Văn Bìn", "Số 3 đường Lê Lợi");
        chat.Taps("Ký tất cả");
        foreach (var _ in Enumerable.Range(0, 4))
        {
            await chat.Sees("BẢN CAM KẾT");
        }

        await chat.Sees("Bạn vừa đọc");
        await chat.CommitsAsync();

        chat.Says("/mypledges");
        var mine = await chat.Sees("📜 Các cam kết bạn đã ký:");
        Assert.Contains("Trần Văn Bìn, Số 3 đường Lê Lợi", mine.Text, StringComparison.Ordinal);
        chat.Taps("Sửa thông tin: Trần Văn Bìn");
        await chat.Sees("Bạn gõ lại thông tin người ký cho đúng.");
        await chat.Sees("Họ và tên chủ hộ là gì?");
        chat.Says("Trần Văn Bình");
        await chat.Sees("Địa chỉ của hộ gia đình");
        chat.Says("Số 3 đường Lê Lợi");
        await chat.Sees("✅ Đã sửa thông tin người ký: Trần Văn Bình, Số 3 đường Lê Lợi");
        var corrected = await bot.QueryAsync(db => db.Pledges.ToListAsync());
        Assert.All(corrected, p => Assert.Equal("Trần Văn Bình", p.SignerName));
        Assert.All(corrected, p => Assert.NotNull(p.CorrectedAt));

        bot.Clock.Advance(TimeSpan.FromDays(8));
        chat.Says("/mypledges");
        var later = await chat.Sees("📜 Các cam kết bạn đã ký:");
        Assert.DoesNotContain(later.Buttons, b => b.Text.Contains("Sửa thông tin", StringComparison.Ordinal));
        chat.Send(UpdateFactory.Button(bot.NextUpdateId(), chat.Id, "pledgefix:" + corrected[0].Id));
        await chat.Sees("Thông tin chỉ sửa được trong 7 ngày kể từ ngày ký");

        chat.Taps("Rút cam kết An toàn giao thông");
        await chat.Sees("Bạn chắc chắn rút cam kết \"An toàn giao thông\"");
        chat.Taps("Rút cam kết");
        await chat.Sees("Đã ghi nhận việc rút cam kết \"An toàn giao thông\"");
        var traffic = await bot.QueryAsync(db => db.Pledges.SingleAsync(p => p.TypeId == "traffic"));
        Assert.NotNull(traffic.WithdrawnAt);
        chat.Says("/mypledges");
        var after = await chat.Sees("đã rút ngày");
        Assert.DoesNotContain(after.Buttons, b => b.Text.Contains("Rút cam kết An toàn giao thông", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Erasing_the_resident_keeps_their_pledges_counted_without_the_link_to_them()
    {
        await using var bot = await PledgeJourneys.StartAsync();
        var chat = await bot.SignedUpAsync(705_050);
        await chat.AtTypesAsHouseholdAsync("Phan Văn Giang", "Số 40 đường Bắc Sơn");
        chat.Taps("Phòng cháy, chữa cháy");
        await chat.Sees("Bạn muốn ký");
        chat.Taps("Xong");
        await chat.Sees("PHÒNG CHÁY");
        await chat.Sees("Bạn vừa đọc");
        await chat.CommitsAsync();

        chat.Says("/delete_me");
        await chat.Sees("Bạn có chắc");
        chat.Taps("Xoá dữ liệu của tôi");
        await chat.Sees("Đã xoá toàn bộ dữ liệu của bạn.");

        var pledge = await bot.QueryAsync(db => db.Pledges.SingleAsync());
        Assert.Equal(("Phan Văn Giang", null), (pledge.SignerName, pledge.ResidentId));
        Assert.Equal(0, await bot.QueryAsync(db => db.Residents.CountAsync()));
    }

    [Fact]
    public async Task Bad_input_at_a_step_is_answered_in_Vietnamese_and_the_step_asked_again()
    {
        await using var bot = await PledgeJourneys.StartAsync();
        var chat = await bot.SignedUpAsync(705_060);
        chat.Says("/pledge");
        await chat.Sees("Bạn ký cam kết với tư cách nào?");
        chat.Says("hộ gia đình");
        await chat.Sees("Bạn vui lòng bấm một trong các nút bên dưới.");
        await chat.Sees("Bạn ký cam kết với tư cách nào?");
        chat.Taps("Hộ gia đình");
        await chat.Sees("Họ và tên chủ hộ là gì?");
        chat.SendsSticker();
        await chat.Sees("Bạn vui lòng gõ chữ để trả lời câu hỏi này.");
        await chat.Sees("Họ và tên chủ hộ là gì?");
        chat.Says("A");
        await chat.Sees("Phần này cần ít nhất 2 ký tự.");
        await chat.Sees("Họ và tên chủ hộ là gì?");
        chat.Says("Đinh Văn Hải");
        await chat.Sees("Địa chỉ của hộ gia đình");
        chat.Taps("Quay lại");
        await chat.Sees("Họ và tên chủ hộ là gì?");
        chat.Says("Đinh Văn Hải");
        await chat.Sees("Địa chỉ của hộ gia đình");
        chat.Says("Số 1 Lê Lợi");
        await chat.Sees("Cam kết được tính cho khối, thôn nào?");
        chat.Taps("Khối 2");
        await chat.Sees("Bạn muốn ký những cam kết nào");
        chat.Taps("Xong");
        await chat.Sees("Bạn chưa chọn cam kết nào.");
        await chat.Sees("Bạn muốn ký những cam kết nào");
        chat.Taps("Ký tất cả");
        foreach (var _ in Enumerable.Range(0, 4))
        {
            await chat.Sees("BẢN CAM KẾT");
        }

        await chat.Sees("Bạn vừa đọc");
        chat.Says("đồng ý");
        await chat.Sees("Để ký, bạn bấm nút \"Tôi cam kết\" bên dưới");
        await chat.Sees("Bạn vừa đọc");
        chat.Says("/cancel");
        await chat.Sees("Đã dừng việc đang làm.");
        Assert.Equal(0, await bot.QueryAsync(db => db.Pledges.CountAsync()));
    }
}
