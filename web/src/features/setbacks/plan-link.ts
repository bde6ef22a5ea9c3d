/** Where the Continuing Recovery Plan lives in the app. */
export const planPath = '/us/plan';

/** React Router location state the plan page reads: open MY section's editor with this line prefilled. */
export interface PlanProposalState {
  proposeChange: { text: string };
}

/**
 * A link that proposes a change to the plan (e.g. from the lapse reflection): the plan page opens
 * the viewer's OWN section with `text` as a new "what I will do" line; saving it makes a new draft
 * that both partners sign. Use as `<Link to={link.to} state={link.state}>` or `navigate(link.to, { state: link.state })`.
 */
export function planProposalLink(text: string): { to: string; state: PlanProposalState } {
  return { to: planPath, state: { proposeChange: { text } } };
}

/** Reads a proposal from location state, ignoring anything else that may be there. */
export function readPlanProposal(state: unknown): string | null {
  if (typeof state !== 'object' || state === null || !('proposeChange' in state)) {
    return null;
  }
  const proposal = (state as { proposeChange: unknown }).proposeChange;
  if (typeof proposal !== 'object' || proposal === null || !('text' in proposal)) {
    return null;
  }
  const text = (proposal as { text: unknown }).text;
  return typeof text === 'string' && text.trim() !== '' ? text.trim().slice(0, 300) : null;
}
