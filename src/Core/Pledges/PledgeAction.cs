namespace Antq.Core.Pledges;

/// <summary>What a resident's button under /mypledges asks for.</summary>
public enum PledgeAction
{
    Fix,
    Withdraw,
    ConfirmWithdraw,
}
