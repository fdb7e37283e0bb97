namespace Antq.Core.Officers;

/// <summary>
/// A channel that can give one chat its own command menu (Telegram's per-chat scope) shows an officer theirs when
/// they become one; a channel without menus registers none. Best effort: a menu that fails to update changes
/// nothing of what the officer may do.
/// </summary>
public interface IOfficerMenus
{
    void Show(Officer officer);
}
