using Antq.Core.Residents;
using Antq.Core.Residents.Steps;

namespace Antq.Core.Tests.Conversations;

/// <summary>The topic checkboxes and "all topics" are built and read in one place.</summary>
public sealed class TopicButtonTests
{
    [Theory]
    [InlineData("topic:security", Topics.Security)]
    [InlineData("topic:events", Topics.Events)]
    [InlineData("topics:all", Topics.All)]
    public void Buttons_already_sent_to_chats_keep_their_meaning(string data, Topics topic)
    {
        var button = TopicButton.Parse(data);

        Assert.Equal(new TopicButton(topic), button);
        Assert.Equal(data, button!.Data);
    }

    [Fact]
    public void Every_offered_topic_reads_back_as_itself_within_telegrams_limit()
    {
        foreach (var button in TopicNames.Offered.Select(t => new TopicButton(t.Topic)).Append(TopicButton.All))
        {
            Assert.Equal(button, TopicButton.Parse(button.Data));
            Assert.True(button.Data.Length <= 64); // Telegram's limit for callback data
        }
    }

    [Theory]
    [InlineData("topic:weather")]
    [InlineData("topics:none")]
    [InlineData("set:topics")]
    [InlineData("done")]
    [InlineData(null)]
    public void Data_that_is_no_offered_topic_is_no_topic_button(string? data) => Assert.Null(TopicButton.Parse(data));
}
