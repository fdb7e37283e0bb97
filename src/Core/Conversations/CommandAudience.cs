namespace Antq.Core.Conversations;

/// <summary>
/// Who may run a command. The router enforces it in one place: a resident command before sign-up starts onboarding;
/// an officer or admin command from anyone else is answered as an unknown command (to them it does not exist).
/// </summary>
public enum CommandAudience
{
    Everyone,
    Residents,
    Officers,
    Admins,
}
