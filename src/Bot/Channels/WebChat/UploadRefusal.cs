namespace Antq.Bot.Channels.WebChat;

/// <summary>Why an upload was refused.</summary>
public enum UploadRefusal
{
    /// <summary>The visitor stored their hour's allowance.</summary>
    Visitor,

    /// <summary>All visitors together stored the hour's allowance.</summary>
    Hour,

    /// <summary>The uploads folder is as large as it may grow.</summary>
    Folder,
}
