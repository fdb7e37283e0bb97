using System.Text;
using Antq.Core.Pledges;

namespace Antq.Core.Tests.Pledges;

public sealed class CsvRecordsTests
{
    [Fact]
    public void Quoted_fields_keep_commas_line_breaks_and_doubled_quotes()
    {
        var text = "a,b,c\r\n\"Nguyễn Văn An, chủ hộ\",\"Số 3\nngõ 7\",\"Quán \"\"Cô Ba\"\"\"\r\n\r\nx,,\"\"\n";

        var records = CsvRecords.Read(text).ToList();

        Assert.Equal(3, records.Count);
        Assert.Equal(["Nguyễn Văn An, chủ hộ", "Số 3\nngõ 7", "Quán \"Cô Ba\""], records[1].Fields);
        Assert.Equal(2, records[1].Line);
        Assert.Equal(["x", "", ""], records[2].Fields);
        Assert.Equal(5, records[2].Line);
    }

    [Theory]
    [InlineData("a,\"b\nc", "a quoted field is never closed")]
    [InlineData("a,b\"c\"", "a quote inside a field")]
    [InlineData("a,\"b\"c", "text after a closing quote")]
    public void Broken_quoting_is_refused_with_the_line(string text, string problem) =>
        Assert.Contains(problem, Assert.Throws<FormatException>(() => CsvRecords.Read(text).ToList()).Message, StringComparison.Ordinal);

    [Fact]
    public void A_byte_order_mark_is_fine_and_another_encoding_is_refused()
    {
        var utf8 = Encoding.UTF8.GetBytes("kind,name\nhousehold,Lê Văn Tám\n");
        Assert.Equal("kind,name\nhousehold,Lê Văn Tám\n", PaperPledgeImport.Decode([0xEF, 0xBB, 0xBF, .. utf8]));

        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var cp1258 = Encoding.GetEncoding(1258).GetBytes("kind,name\nhousehold,Lê Văn Tám\n");
        var ex = Assert.Throws<FormatException>(() => PaperPledgeImport.Decode(cp1258));
        Assert.Contains("not UTF-8", ex.Message, StringComparison.Ordinal);
    }
}
