/**
 * A typed field whose value reaches the URL only when the reader is done with it: on Enter, when the field loses
 * focus, or after a short pause in typing. Each change of the URL is a navigation and a search (and an audit
 * entry on the server), so one per keystroke would be wasteful and would make the back button step letter by
 * letter.
 */
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';

/** How long typing must pause before the value is applied. */
export const DRAFT_PAUSE_MS = 600;

export interface DraftField {
  draft: string;
  /** The field's own change: shown at once, applied after the pause. */
  onDraftChange: (value: string) => void;
  /** Applies the draft now (Enter, leaving the field). */
  applyNow: () => void;
}

/**
 * @param applied the value in force (from the URL), '' when the filter is not set.
 * @param toApplied what a draft would be applied as ('' removes the filter), or null while it is not yet a value
 *   to apply (a half-typed date, one letter of a search): such a draft waits and changes nothing.
 * @param apply applies a value given by toApplied.
 */
export function useDraftField(
  applied: string,
  toApplied: (draft: string) => string | null,
  apply: (value: string) => void,
): DraftField {
  const [draft, setDraft] = useState(applied);
  const [seenApplied, setSeenApplied] = useState(applied);
  // The value in force changed under the field (cleared, back button, the other copy of the panel): show it,
  // unless it is what this draft already stands for (then the reader's exact typing, spaces and all, stays).
  if (applied !== seenApplied) {
    setSeenApplied(applied);
    if (toApplied(draft) !== applied) setDraft(applied);
  }
  const applyDraft = (value: string) => {
    const next = toApplied(value);
    if (next !== null && next !== applied) apply(next);
  };
  const applyLater = useDebouncedCallback(applyDraft, { delay: DRAFT_PAUSE_MS });
  return {
    draft,
    onDraftChange: (value) => {
      setDraft(value);
      applyLater(value);
    },
    applyNow: () => {
      applyLater.cancel();
      applyDraft(draft);
    },
  };
}
