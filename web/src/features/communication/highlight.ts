import type { BlameFinding, BlameKind } from '@twofold/core/communication/blame-helper';

export type DraftSegment = { text: string; kind: BlameKind | null };

/**
 * The draft cut into plain and flagged pieces, in order, for highlighting as the person types.
 * Findings that overlap are merged into the first one's kind, so no text is shown twice.
 */
export function segmentDraft(draft: string, findings: readonly BlameFinding[]): DraftSegment[] {
  const sorted = [...findings].filter((f) => f.end > f.start).sort((a, b) => a.start - b.start || b.end - a.end);
  const segments: DraftSegment[] = [];
  let at = 0;
  for (const finding of sorted) {
    const start = Math.max(finding.start, at);
    const end = Math.min(finding.end, draft.length);
    if (end <= start) {
      continue;
    }
    if (start > at) {
      segments.push({ text: draft.slice(at, start), kind: null });
    }
    segments.push({ text: draft.slice(start, end), kind: finding.kind });
    at = end;
  }
  if (at < draft.length) {
    segments.push({ text: draft.slice(at), kind: null });
  }
  return segments;
}

/** The kinds found, each once, in the order they first appear. */
export function kindsFound(findings: readonly BlameFinding[]): BlameKind[] {
  return [...new Set([...findings].sort((a, b) => a.start - b.start).map((f) => f.kind))];
}
