using Antq.Bot.Hosting;

namespace Antq.Bot.Channels.WebChat;

/// <summary>The page, its scripts and its style, embedded in the assembly.</summary>
public sealed class WebChatAssets() : EmbeddedAssets("webchat/",
[
    ("chat.html", "text/html; charset=utf-8"), ("chat.js", "text/javascript; charset=utf-8"),
    ("chat-strings.js", "text/javascript; charset=utf-8"), ("chat-view.js", "text/javascript; charset=utf-8"),
    ("chat-send.js", "text/javascript; charset=utf-8"), ("chat.css", "text/css; charset=utf-8"), ("icon.svg", "image/svg+xml"),
]);
