using Antq.Core.Areas;
using Antq.Core.Reports;

namespace Antq.Core.Tests.Reports;

/// <summary>The /report period buttons and the file buttons under a report are built and read in one place.</summary>
public sealed class ReportButtonTests
{
    [Theory]
    [InlineData("report:2025", 2025, 2025, null, null)]
    [InlineData("report:2016-2025", 2016, 2025, null, null)]
    [InlineData("report:csv:2016-2025 chi-lang", 2016, 2025, "chi-lang", "csv")]
    [InlineData("report:json:2025-2025", 2025, 2025, null, "json")]
    public void Buttons_already_sent_to_chats_keep_their_meaning(string data, int first, int last, string? area, string? file)
    {
        var button = ReportButton.Parse(data);

        Assert.Equal(new ReportButton(first, last, area, file), button);
        Assert.Equal(data, button!.Data);
    }

    [Fact]
    public void The_longest_file_button_reads_back_as_itself_within_telegrams_limit()
    {
        var button = new ReportButton(2016, 2025, new string('a', AreaTreeLoader.MaxIdLength), "xlsx");

        Assert.Equal(button, ReportButton.Parse(button.Data));
        Assert.True(button.Data.Length <= 64); // Telegram's limit for callback data
    }

    [Theory]
    [InlineData("report:last-year")]
    [InlineData("report:pdf:2016-2025")]
    [InlineData("report:")]
    public void A_malformed_report_button_is_owned_but_names_no_period(string data)
    {
        Assert.True(ReportButton.Owns(data));
        Assert.Null(ReportButton.Parse(data));
    }

    [Theory]
    [InlineData("menu:report")]
    [InlineData("faq:list:0")]
    [InlineData(null)]
    public void Data_of_another_family_is_no_report_button(string? data)
    {
        Assert.False(ReportButton.Owns(data));
        Assert.Null(ReportButton.Parse(data));
    }
}
