using Antq.Bot.Hosting;

namespace Antq.Bot.WebConsole;

/// <summary>The console's style, small script and icon, embedded in the assembly: no build step.</summary>
public sealed class ConsoleAssets() : EmbeddedAssets("console/",
[
    ("console.css", "text/css; charset=utf-8"), ("console.js", "text/javascript; charset=utf-8"), ("icon.svg", "image/svg+xml"),
]);
