using Antq.Core.Delivery;

namespace Antq.Core.Tests.Delivery;

public sealed class InHandTests
{
    private static OutboxMessage Row(long id, string chat) => new() { Id = id, Channel = "telegram", ChatId = chat, Payload = "{}" };

    [Fact]
    public void A_channels_room_counts_chats_ready_to_send_not_the_rows_behind_them_nor_chats_waiting_out_their_own_limit()
    {
        var hand = new InHand(new Dictionary<string, int> { ["telegram"] = 2 }, perChat: 5, ceiling: 100);

        var started = hand.Add([Row(1, "a"), Row(2, "a"), Row(3, "a"), Row(4, "b")]);

        Assert.Equal(["a", "b"], started.Select(c => c.ChatId));
        Assert.Equal(0, hand.Room("telegram"));
        var flooder = started[0];
        Assert.True(hand.Hold(flooder, held: true), "room made while the loop waits for it wakes the loop");
        Assert.Equal(1, hand.Room("telegram"));
        Assert.False(hand.Hold(flooder, held: false));
        Assert.Equal(0, hand.Room("telegram"));
    }

    [Fact]
    public void A_turns_replies_are_handed_over_only_within_the_chats_limit_and_the_channels_budget()
    {
        var hand = new InHand(new Dictionary<string, int> { ["telegram"] = 2 }, perChat: 3, ceiling: 100);
        hand.Add([Row(1, "a"), Row(2, "a")]);

        Assert.False(hand.Reserve("telegram", "a", 2), "the chat would hold 4 of its 3");
        Assert.True(hand.Reserve("telegram", "a", 1));
        Assert.True(hand.Reserve("telegram", "b", 2), "a new chat takes the last place in the budget");
        Assert.False(hand.Reserve("telegram", "c", 1), "no place left for a third chat");

        hand.Release("telegram", "b", 2);
        Assert.True(hand.Reserve("telegram", "c", 1));
    }

    [Fact]
    public void Closing_completes_once_every_row_held_is_finished_and_a_hand_over_after_it_is_refused()
    {
        var hand = new InHand(new Dictionary<string, int> { ["telegram"] = 5 }, perChat: 5, ceiling: 100);
        var chat = hand.Add([Row(1, "a")]).Single();
        Assert.True(hand.Reserve("telegram", "b", 1));

        var closed = hand.CloseAsync();
        Assert.Null(hand.Take([Row(2, "b")], out var taken));
        Assert.False(taken);
        Assert.False(closed.IsCompleted);

        Assert.Equal(1, hand.Next(chat)?.Id);
        hand.Finish(chat);
        Assert.Null(hand.Next(chat));
        Assert.True(closed.IsCompleted);
    }
}
