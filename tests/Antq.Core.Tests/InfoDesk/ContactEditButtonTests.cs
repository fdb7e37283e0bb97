using Antq.Core.Areas;
using Antq.Core.InfoDesk;

namespace Antq.Core.Tests.InfoDesk;

/// <summary>The entry and field buttons of the officers' /contact flow are built and read in one place.</summary>
public sealed class ContactEditButtonTests
{
    [Theory]
    [InlineData("ctentry:post-chi-lang", "post-chi-lang", null)]
    [InlineData("ctfield:phone", null, "phone")]
    public void Buttons_already_sent_to_chats_keep_their_meaning(string data, string? entryId, string? field)
    {
        var button = ContactEditButton.Parse(data);

        Assert.Equal(new ContactEditButton(entryId, field), button);
        Assert.Equal(data, button!.Data);
    }

    [Fact]
    public void Every_field_and_the_longest_entry_read_back_as_themselves_within_telegrams_limit()
    {
        var buttons = AreaContact.Fields.Select(ContactEditButton.ForField)
            .Append(ContactEditButton.Entry(AreaContact.PostPrefix + new string('a', AreaTreeLoader.MaxIdLength)));

        foreach (var button in buttons)
        {
            Assert.Equal(button, ContactEditButton.Parse(button.Data));
            Assert.True(button.Data.Length <= 64); // Telegram's limit for callback data
        }
    }

    [Theory]
    [InlineData("set:area")]
    [InlineData("ward:chi-lang")]
    [InlineData("menu:contact")]
    [InlineData(null)]
    public void Data_of_another_family_is_no_contact_button(string? data) => Assert.Null(ContactEditButton.Parse(data));
}
