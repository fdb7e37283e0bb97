namespace Antq.Core.Storage;

/// <summary>
/// Folders and files of the service's data (the database, keys, lock) created readable by the service's user only
/// (0700 folders, 0600 files on Unix) from the moment they exist: changing the mode afterwards leaves a window in
/// which another user of the machine could open them.
/// </summary>
public static class OwnerOnlyFiles
{
    public const UnixFileMode FolderPermissions = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public const UnixFileMode FilePermissions = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates the folder and any missing parent as owner-only; an existing folder is left as it is.</summary>
    public static void CreateFolder(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }

        // Each missing level with the mode: Directory.CreateDirectory(path, mode) gives it to the last one only.
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            return;
        }

        CreateFolder(Path.GetDirectoryName(full)!);
        Directory.CreateDirectory(full, FolderPermissions);
    }

    /// <summary>
    /// Creates a new owner-only file with this content, whole or not at all (written aside, then moved in place, so a
    /// process starting at the same moment never reads it half-written); false when it already exists.
    /// </summary>
    public static bool TryCreate(string path, ReadOnlySpan<byte> content)
    {
        var full = Path.GetFullPath(path);
        CreateFolder(Path.GetDirectoryName(full)!);
        var aside = full + "." + Guid.NewGuid().ToString("N") + ".tmp";
        using (var stream = new FileStream(aside, Options(FileMode.CreateNew, FileAccess.Write, FileShare.None)))
        {
            stream.Write(content);
            stream.Flush(flushToDisk: true);
        }

        try
        {
            File.Move(aside, full, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(full))
        {
            File.Delete(aside);
            return false;
        }
    }

    /// <summary>Creates an empty owner-only file unless it exists (SQLite takes an empty file as an empty database).</summary>
    public static void EnsureExists(string path)
    {
        if (!File.Exists(path))
        {
            TryCreate(path, []);
        }
    }

    /// <summary>Opens (creating owner-only if needed) a file no other process can open at the same time; null when one has it.</summary>
    public static FileStream? TryOpenExclusive(string path)
    {
        CreateFolder(Path.GetDirectoryName(Path.GetFullPath(path))!);
        try
        {
            return new FileStream(path, Options(FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static FileStreamOptions Options(FileMode mode, FileAccess access, FileShare share)
    {
        var options = new FileStreamOptions { Mode = mode, Access = access, Share = share };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FilePermissions;
        }

        return options;
    }
}
