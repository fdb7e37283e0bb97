using System.Text;
using System.Text.Json;
using Antq.Bot.Channels.Telegram;
using Antq.Core.Conversations;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Antq.Bot.Tests.Channels.Telegram;

public sealed class TelegramUpdateMapperTests
{
    private const string NfdHint = "the payload must really be decomposed, or the test proves nothing";

    public static TheoryData<string> CorpusFiles()
    {
        var data = new TheoryData<string>();
        foreach (var name in Corpus.FileNames)
        {
            data.Add(name);
        }

        return data;
    }

    [Fact]
    public void The_corpus_holds_the_105_update_files()
    {
        Assert.Equal(105, Corpus.FileNames.Count);
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Every_corpus_update_maps_without_throwing(string file)
    {
        var json = Corpus.Read(file);
        Update? update;
        try
        {
            update = JsonSerializer.Deserialize<Update>(json, global::Telegram.Bot.JsonBotAPI.Options);
        }
        catch (JsonException)
        {
            // A kind newer than the library: the host drops it before the mapper; nothing more to check.
            return;
        }

        Assert.NotNull(update);
        var result = TelegramUpdateMapper.Map(update);

        Assert.True(result.Message is not null ^ result.IgnoredBecause is not null, "exactly one of a message or an ignore reason");
        if (update.Type == UpdateType.Unknown)
        {
            Assert.Null(result.Message);
        }

        if (update.CallbackQuery is { } query)
        {
            Assert.Equal(query.Id, result.CallbackQueryId);
        }
        else
        {
            Assert.Null(result.CallbackQueryId);
        }

        if (result.Message is { } message)
        {
            Assert.Equal(TelegramChannel.ChannelName, message.Channel);
            Assert.Equal(update.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), message.UpdateId);
            Assert.False(string.IsNullOrEmpty(message.ChatId));
            Assert.False(string.IsNullOrEmpty(message.UserId));
        }
    }

    [Theory]
    [InlineData("text.json", 123456789, 12345678, "aaaaaaaaaa", "it", 1631818904)]
    [InlineData("message.json", 1, 456, "Ciao", "en", 1684984664)]
    [InlineData("command.json", 144064961, 10081232, "/test", "it", 1632176928)]
    [InlineData("command_message.json", 3, 456, "/start", "en", 1684984664)]
    [InlineData("command_tag_valid.json", 144064961, 10081232, "/test@foo_bot", "it", 1632176928)]
    [InlineData("command_with_parameters.json", 3, 456, "/register HR John Doe", "en", 1684984664)]
    [InlineData("not_command.json", 144064961, 10081232, "aa /test", "it", 1632176928)]
    [InlineData("entities.json", 123456, 321654, "test bold underline 😆👍 look here", "en", 1672956378)]
    [InlineData("message_forward_origin.json", 1, 456, "Ciao", "en", 1684984664)]
    public void A_private_text_or_command_comes_through_as_text(
        string file, int updateId, long chatId, string text, string? language, long unixDate)
    {
        var message = Accepted(Corpus.Load(file));

        Assert.Equal(InboundKind.Text, message.Kind);
        Assert.Equal("telegram", message.Channel);
        Assert.Equal(updateId.ToString(System.Globalization.CultureInfo.InvariantCulture), message.UpdateId);
        Assert.Equal(Id(chatId), message.ChatId);
        Assert.Equal(Id(chatId), message.UserId);
        Assert.Equal(text, message.Text);
        Assert.Equal(language, message.LanguageHint);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(unixDate), message.SentAt);
        Assert.Equal(TimeSpan.Zero, message.SentAt.Offset);
        Assert.Empty(message.Attachments);
    }

    [Theory]
    [InlineData("voice.json", AttachmentKind.Voice, "dfghjjghdjhgd", 6448L, "audio/ogg", null)]
    [InlineData("video.json", AttachmentKind.Video, "sdfsdfsdfsfsdfdsfdsfs", 4713412L, "video/mp4", "sdfsdfsdf.mp4")]
    [InlineData("document.json", AttachmentKind.Document, "a1b2c34d5e6f7g8h9i", 123456L, "application/pdf", "document.pdf")]
    [InlineData("audio.json", AttachmentKind.Audio, "dfhhdfhgdfghdf", 6858008L, "audio/mpeg", "dsagfds.mp3")]
    [InlineData("video_note.json", AttachmentKind.VideoNote, "dfgfdgdfgdfggdfgdf", 290925L, null, null)]
    [InlineData("animation.json", AttachmentKind.Animation, "sdaafsghhjhgkkygrssgdfghgfdgh", 276942L, "video/mp4", "lol.mp4")]
    public void A_private_file_comes_through_as_media_with_one_attachment(
        string file, AttachmentKind kind, string fileId, long size, string? mimeType, string? fileName)
    {
        var message = Accepted(Corpus.Load(file));

        Assert.Equal(InboundKind.Media, message.Kind);
        Assert.Equal(new Attachment(kind, fileId, size, mimeType, fileName), Assert.Single(message.Attachments));
        Assert.Null(message.Text);
    }

    [Fact]
    public void A_photo_keeps_the_largest_size_and_its_caption()
    {
        // photo.json lists 240x320, 720x960, 600x800: the last one is not the largest, the second one is.
        var message = Accepted(Corpus.Load("photo.json"));

        Assert.Equal(InboundKind.Media, message.Kind);
        Assert.Equal("11111111", message.ChatId);
        Assert.Equal(new Attachment(AttachmentKind.Photo, "SAAS", 84913), Assert.Single(message.Attachments));
        Assert.Equal("asdasdasdasdasdasd", message.Text);
    }

    [Fact]
    public void A_location_comes_through_with_its_coordinates()
    {
        var message = Accepted(Corpus.Load("location.json"));

        Assert.Equal(InboundKind.Location, message.Kind);
        Assert.Equal("12345", message.ChatId);
        Assert.Equal(new GeoPoint(41.899977, 12.501028), message.Location);
        Assert.Null(message.Text);
    }

    [Fact]
    public void A_venue_comes_through_as_a_location_with_title_and_address()
    {
        var message = Accepted(Corpus.Load("venue.json"));

        Assert.Equal(InboundKind.Location, message.Kind);
        Assert.Equal(new GeoPoint(41.899977, 12.501028), message.Location);
        Assert.Equal("McDonald's, Via Giolitti 65", message.Text);
    }

    [Fact]
    public void A_contact_comes_through_with_its_phone_number()
    {
        var message = Accepted(Corpus.Load("contact.json"));

        Assert.Equal(InboundKind.Contact, message.Kind);
        Assert.Equal("12345", message.ChatId);
        Assert.Equal(new ContactCard("911", "911", null, null), message.Contact);
    }

    [Theory]
    [InlineData("sticker.json", "sticker")]
    [InlineData("dice.json", "dice")]
    [InlineData("message_poll.json", "poll")]
    [InlineData("game.json", "game")]
    [InlineData("story.json", "story")]
    [InlineData("checklist.json", "checklist")]
    [InlineData("invoice.json", "invoice")]
    [InlineData("giveaway.json", "giveaway")]
    [InlineData("passport_data.json", "passportdata")]
    [InlineData("web_app_data.json", "webappdata")]
    [InlineData("users_shared.json", "usersshared")]
    [InlineData("chat_shared.json", "chatshared")]
    public void Something_a_resident_can_send_but_no_step_takes_is_unsupported(string file, string what)
    {
        var message = Accepted(Corpus.Load(file));

        Assert.Equal(InboundKind.Unsupported, message.Kind);
        Assert.Equal(what, message.UnsupportedWhat);
        Assert.Empty(message.Attachments);
    }

    [Theory]
    [InlineData("callback_query.json")]
    [InlineData("callback_query_complex.json")]
    [InlineData("callback_query_inaccessible_message.json")]
    [InlineData("callback_query_without_message.json")]
    public void A_button_press_in_a_private_chat_comes_through_with_its_data(string file)
    {
        var result = TelegramUpdateMapper.Map(Corpus.Load(file));

        Assert.Equal("666728699048485871", result.CallbackQueryId);
        var message = Assert.IsType<InboundMessage>(result.Message);
        Assert.Equal(InboundKind.Button, message.Kind);
        Assert.Equal("2", message.UpdateId);
        Assert.Equal("222222222", message.ChatId);
        Assert.Equal("222222222", message.UserId);
        Assert.Equal("it", message.LanguageHint);
        Assert.Null(message.Text);
    }

    [Fact]
    public void The_button_data_is_passed_through_unchanged()
    {
        Assert.Equal("thedata", Accepted(Corpus.Load("callback_query.json")).ButtonData);
    }

    [Theory]
    [InlineData("edited_message.json", "edited message")]
    [InlineData("channel_post.json", "channel post")]
    [InlineData("edited_channel_post.json", "edited channel post")]
    [InlineData("business_message.json", "business message")]
    [InlineData("edited_business_message.json", "edited business message")]
    [InlineData("guest_message.json", "guest message")]
    [InlineData("message_topic.json", "group chat")]
    [InlineData("message_general_topic.json", "group chat")]
    [InlineData("message_different_topic_reply.json", "group chat")]
    [InlineData("inline_query.json", "update kind InlineQuery")]
    [InlineData("poll.json", "update kind Poll")]
    [InlineData("poll_answer.json", "update kind PollAnswer")]
    [InlineData("message_reaction.json", "update kind MessageReaction")]
    [InlineData("chat_join_request.json", "update kind ChatJoinRequest")]
    [InlineData("chat_member.json", "update kind ChatMember")]
    [InlineData("pre_checkout_query.json", "update kind PreCheckoutQuery")]
    [InlineData("my_chat_member.json", "bot status Creator")]
    [InlineData("pinned_message.json", "service message PinnedMessage")]
    [InlineData("message_auto_delete_timer_changed.json", "service message MessageAutoDeleteTimerChanged")]
    [InlineData("new_chat_members.json", "service message NewChatMembers")]
    [InlineData("successful_payment.json", "service message SuccessfulPayment")]
    [InlineData("rich_message.json", "sent by a bot")]
    public void What_is_not_a_resident_writing_in_a_private_chat_is_ignored(string file, string because)
    {
        var result = TelegramUpdateMapper.Map(Corpus.Load(file));

        Assert.Null(result.Message);
        Assert.Null(result.CallbackQueryId);
        Assert.Equal(because, result.IgnoredBecause);
    }

    [Fact]
    public void Vietnamese_text_typed_decomposed_comes_out_composed()
    {
        var update = Corpus.LoadOwn("text_vietnamese_nfd.json");
        Assert.False(update.Message!.Text!.IsNormalized(NormalizationForm.FormC), NfdHint);

        var message = Accepted(update);

        Assert.Equal(InboundKind.Text, message.Kind);
        Assert.Equal("Có trộm xe máy ở phường Bến Nghé, đường Hàm Nghi".Normalize(NormalizationForm.FormC), message.Text);
        Assert.True(message.Text!.IsNormalized(NormalizationForm.FormC));
        Assert.Equal("vi", message.LanguageHint);
        Assert.Equal("7001002003", message.ChatId);
    }

    [Fact]
    public void A_caption_comes_out_composed_and_a_missing_sender_falls_back_to_the_chat()
    {
        var update = Corpus.LoadOwn("photo_caption_nfd_without_from.json");
        Assert.False(update.Message!.Caption!.IsNormalized(NormalizationForm.FormC), NfdHint);

        var message = Accepted(update);

        Assert.Equal(InboundKind.Media, message.Kind);
        Assert.Equal("Ảnh chụp lúc 21 giờ".Normalize(NormalizationForm.FormC), message.Text);
        Assert.Equal(new Attachment(AttachmentKind.Photo, "large", 98000), Assert.Single(message.Attachments));
        Assert.Equal("7001002003", message.UserId);
        Assert.Null(message.LanguageHint);
    }

    [Fact]
    public void A_shared_contact_keeps_the_user_id_and_composes_the_name()
    {
        var message = Accepted(Corpus.LoadOwn("contact_vietnamese.json"));

        Assert.Equal(InboundKind.Contact, message.Kind);
        Assert.Equal(new ContactCard("+84901234567", "Lan", "Nguyễn".Normalize(NormalizationForm.FormC), "7001002003"), message.Contact);
    }

    [Fact]
    public void A_venue_with_a_vietnamese_address_comes_out_composed()
    {
        var message = Accepted(Corpus.LoadOwn("venue_vietnamese.json"));

        Assert.Equal(InboundKind.Location, message.Kind);
        Assert.Equal(new GeoPoint(10.7721, 106.6983), message.Location);
        Assert.Equal("Chợ Bến Thành, Lê Lợi, Phường Bến Thành, Quận 1".Normalize(NormalizationForm.FormC), message.Text);
    }

    [Theory]
    [InlineData("my_chat_member_kicked.json", InboundKind.ChatBlocked)]
    [InlineData("my_chat_member_member.json", InboundKind.ChatUnblocked)]
    public void Blocking_and_unblocking_the_bot_come_through(string file, InboundKind kind)
    {
        var message = Accepted(Corpus.LoadOwn(file));

        Assert.Equal(kind, message.Kind);
        Assert.Equal("7001002003", message.ChatId);
        Assert.Equal("7001002003", message.UserId);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1767225780), message.SentAt);
    }

    [Theory]
    [InlineData("callback_query_group.json", "group chat")]
    [InlineData("callback_query_game.json", "game callback")]
    [InlineData("callback_query_inline_message.json", "inline message button")]
    public void An_ignored_button_press_still_carries_its_query_id_to_answer(string file, string because)
    {
        var result = TelegramUpdateMapper.Map(Corpus.LoadOwn(file));

        Assert.Null(result.Message);
        Assert.Equal(because, result.IgnoredBecause);
        Assert.False(string.IsNullOrEmpty(result.CallbackQueryId));
    }

    [Fact]
    public void An_update_kind_the_library_does_not_know_is_ignored()
    {
        var update = Corpus.LoadOwn("unknown_update_kind.json");
        Assert.Equal(UpdateType.Unknown, update.Type);

        var result = TelegramUpdateMapper.Map(update);

        Assert.Null(result.Message);
        Assert.Equal("update kind Unknown", result.IgnoredBecause);
    }

    [Fact]
    public void An_empty_update_is_ignored()
    {
        var result = TelegramUpdateMapper.Map(new Update());

        Assert.Null(result.Message);
        Assert.Equal("update kind Unknown", result.IgnoredBecause);
    }

    private static InboundMessage Accepted(Update update)
    {
        var result = TelegramUpdateMapper.Map(update);
        Assert.True(result.Message is not null, $"ignored: {result.IgnoredBecause}");
        Assert.Null(result.IgnoredBecause);
        return result.Message;
    }

    private static string Id(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
