namespace Antq.Core.Residents;

/// <summary>
/// Something outside the database that holds a resident's data (a channel's uploaded files); erased with them
/// when they ask (/delete_me).
/// </summary>
public interface IResidentDataEraser
{
    Task EraseAsync(string channel, string chatId, CancellationToken cancellationToken);
}
