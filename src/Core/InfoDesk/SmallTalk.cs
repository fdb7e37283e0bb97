namespace Antq.Core.InfoDesk;

/// <summary>
/// A greeting or a thank-you on its own ("xin chào", "chào bạn", "hello", "cảm ơn nhiều", "thank you"): it is
/// not a question, so the Q&amp;A must not search it (a "cảm ơn" once found the pledge entry through "cam").
/// Only a message made of nothing else counts: "cảm ơn, cho hỏi tạm trú ở đâu" is a question.
/// </summary>
public static class SmallTalk
{
    public enum Kind
    {
        None,
        Greeting,
        Thanks,
    }

    private static readonly HashSet<string> Greetings = ["chao", "hello", "hi", "hey", "alo", "allo", "helo", "morning", "evening", "afternoon"];

    private static readonly HashSet<string> Thanks = ["thank", "thanks", "thx", "tks", "camon", "cmon"];

    // Words that go with a greeting or thanks and change nothing: "xin chào ạ", "cảm ơn bạn nhiều nhé", "thanks a lot".
    private static readonly HashSet<string> Filler =
    [
        "xin", "ban", "a", "ah", "nhe", "nha", "nhen", "nhieu", "lam", "rat", "oi", "ad", "admin", "bot", "anh", "chi", "em", "cac", "moi",
        "nguoi", "vay", "vang", "da", "ok", "oke", "okay", "cong", "an", "phuong", "xa", "cam", "on",
        "good", "you", "so", "much", "lot", "very", "all", "there", "again", "police", "officer",
    ];

    /// <summary>What a message is when it is only a greeting or only thanks; <see cref="Kind.None"/> otherwise.</summary>
    public static Kind Of(string text)
    {
        var words = FaqSearch.Words(text.Length > 200 ? "" : text);
        if (words.Count == 0 || !words.All(w => Greetings.Contains(w) || Thanks.Contains(w) || Filler.Contains(w)))
        {
            return Kind.None;
        }

        var thanked = words.Any(Thanks.Contains) || words.Zip(words.Skip(1)).Any(p => p is ("cam", "on"));
        return thanked ? Kind.Thanks : words.Any(Greetings.Contains) ? Kind.Greeting : Kind.None;
    }
}
