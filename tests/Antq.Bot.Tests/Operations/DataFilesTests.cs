using Antq.Bot.Tests.Pledges;
using Antq.Testing;

namespace Antq.Bot.Tests.Operations;

/// <summary>What the service writes to disk is readable by its own user only, from the moment it exists.</summary>
public sealed class DataFilesTests
{
    private const UnixFileMode Folder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode File = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    public async Task The_database_its_folders_and_the_generated_keys_are_created_owner_only()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix permissions; the image and CI are Linux.
        }

        var root = Directory.CreateTempSubdirectory("antq-files-").FullName;

        // A permissive folder around it, as /srv or a home directory may be: what the service creates is still private.
        System.IO.File.SetUnixFileMode(root, Folder | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        var data = Path.Combine(root, "data");
        await using (var bot = await TestBot.StartAsync(s =>
        {
            s["ConnectionStrings:Antq"] = $"Data Source={Path.Combine(data, "antq.db")}";
            s["Tips:RouteKeyFile"] = Path.Combine(data, "keys", "tip-route.key");
            s["WebChat:IdentityKeyFile"] = Path.Combine(data, "keys", "webchat-identity.key");
        }))
        {
            var chat = bot.Chat(1_905_001);
            chat.Says("/start");
            await chat.Sees("ngôn ngữ");

            Assert.Equal(Folder, System.IO.File.GetUnixFileMode(data));
            Assert.Equal(Folder, System.IO.File.GetUnixFileMode(Path.Combine(data, "keys")));
            Assert.Equal(File, System.IO.File.GetUnixFileMode(Path.Combine(data, "keys", "tip-route.key")));
            Assert.Equal(File, System.IO.File.GetUnixFileMode(Path.Combine(data, "keys", "webchat-identity.key")));
            Assert.Equal(["tip-route.key", "webchat-identity.key"], Directory.GetFiles(Path.Combine(data, "keys")).Select(Path.GetFileName).Order());
            foreach (var file in new[] { "antq.db", "antq.db-wal", "antq.db-shm", "antq.db.lock" })
            {
                Assert.Equal((file, File), (file, System.IO.File.GetUnixFileMode(Path.Combine(data, file))));
            }
        }

        // The command line creates a database the same way when it is the first to touch it.
        var cliData = Path.Combine(root, "cli", "data");
        Assert.Equal(0, (await PledgeJourneys.RunVerbAsync(Path.Combine(cliData, "antq.db"), "officers", "list")).Code);
        Assert.Equal(Folder, System.IO.File.GetUnixFileMode(cliData));
        Assert.Equal(File, System.IO.File.GetUnixFileMode(Path.Combine(cliData, "antq.db")));
    }
}
