import type { ComponentChildren } from 'preact';

export interface Outcome {
  ok: boolean;
  text: string;
}

interface Props {
  /** Unique within the popup; ids of the hint and outcome derive from it. */
  id: string;
  testId: string;
  label: string;
  /** What the fix will do, or, when disabled, why it is not available. */
  hint: ComponentChildren;
  disabled: boolean;
  /**
   * Another fix is running. The button stays focusable (aria-disabled, not disabled) so keyboard
   * and screen-reader users keep their place when they have just pressed it.
   */
  busy?: boolean;
  outcome: Outcome | null;
  onClick: () => void;
  children?: ComponentChildren;
}

/** One fix: its button, what it does (or why it cannot), and what happened after the click. */
export function FixRow({ id, testId, label, hint, disabled, busy = false, outcome, onClick, children }: Props) {
  return (
    <li class={`fix${outcome ? (outcome.ok ? ' done-ok' : ' done-bad') : ''}`}>
      <button
        type="button"
        data-testid={testId}
        disabled={disabled}
        aria-disabled={busy || undefined}
        aria-describedby={`hint-${id} out-${id}`}
        onClick={busy ? undefined : onClick}
      >
        {label}
      </button>
      <span id={`hint-${id}`} class="hint">
        {hint}
      </span>
      {children}
      {/* Always rendered, so screen readers announce the outcome when it arrives. */}
      <p id={`out-${id}`} role="status" class={`outcome${outcome && !outcome.ok ? ' error' : ''}`}>
        {outcome?.text ?? ''}
      </p>
    </li>
  );
}
