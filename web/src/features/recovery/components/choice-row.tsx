import type { ReactNode } from 'react';
import '../recovery.css';

export interface ChoiceOption<V extends string | number | boolean> {
  value: V;
  label: string;
  /** Shown above the label, hidden from screen readers (the label says it). */
  visual?: ReactNode;
}

/**
 * One question answered with one tap: native radios in a fieldset, each drawn as a big button
 * (the radio covers its whole button, so the tap target is the button).
 */
export function ChoiceRow<V extends string | number | boolean>({
  name,
  legend,
  hint,
  options,
  value,
  onChange,
  error,
  compact = false,
  disabled = false,
}: {
  name: string;
  legend: string;
  hint?: ReactNode;
  options: ChoiceOption<V>[];
  value: V | null;
  onChange: (value: V) => void;
  error?: string | undefined;
  compact?: boolean;
  disabled?: boolean;
}) {
  const errorId = `${name}-error`;
  const hintId = `${name}-hint`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className={error ? 'tap-question tap-question--invalid' : 'tap-question'} aria-describedby={describedBy}>
      <legend className="tap-question__legend">{legend}</legend>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <div className={compact ? 'tap-row tap-row--compact' : 'tap-row'}>
        {options.map((option) => {
          const selected = option.value === value;
          return (
            <label key={String(option.value)} className={selected ? 'tap tap--selected' : 'tap'}>
              <input
                type="radio"
                name={name}
                value={String(option.value)}
                checked={selected}
                disabled={disabled}
                aria-invalid={error ? true : undefined}
                onChange={() => onChange(option.value)}
              />
              {option.visual ? (
                <span className="tap__visual" aria-hidden="true">
                  {option.visual}
                </span>
              ) : null}
              <span className="tap__label">{option.label}</span>
            </label>
          );
        })}
      </div>
      {error ? (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** Several answers, each a chip: native checkboxes in a fieldset. */
export function ChipGroup<V extends string>({
  name,
  legend,
  hint,
  options,
  values,
  onChange,
  error,
}: {
  name: string;
  legend: string;
  hint?: ReactNode;
  options: { value: V; label: string }[];
  values: V[];
  onChange: (values: V[]) => void;
  error?: string | undefined;
}) {
  const errorId = `${name}-error`;
  const hintId = `${name}-hint`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className={error ? 'tap-question tap-question--invalid' : 'tap-question'} aria-describedby={describedBy}>
      <legend className="tap-question__legend">{legend}</legend>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <div className="chips">
        {options.map((option) => {
          const selected = values.includes(option.value);
          return (
            <label key={option.value} className={selected ? 'chip chip--selected' : 'chip'}>
              <input
                type="checkbox"
                name={name}
                value={option.value}
                checked={selected}
                aria-invalid={error ? true : undefined}
                onChange={() => onChange(selected ? values.filter((v) => v !== option.value) : [...values, option.value])}
              />
              <span aria-hidden="true" className="chip__tick">
                {selected ? '✓' : '+'}
              </span>
              <span>{option.label}</span>
            </label>
          );
        })}
      </div>
      {error ? (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** A simple drawn face for the mood scale (1 = very low … 5 = very good); no emoji font needed. */
export function MoodFace({ level }: { level: number }) {
  const curve = (level - 3) * 3; // mouth bends down for low moods, up for good ones
  return (
    <svg viewBox="0 0 32 32" width="30" height="30" focusable="false">
      <circle cx="16" cy="16" r="14" fill="none" stroke="currentColor" strokeWidth="2" />
      <circle cx="11" cy="13" r="1.8" fill="currentColor" />
      <circle cx="21" cy="13" r="1.8" fill="currentColor" />
      <path
        d={`M10 ${21 - curve / 2} Q16 ${21 + curve} 22 ${21 - curve / 2}`}
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
      />
    </svg>
  );
}
