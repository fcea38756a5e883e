import type { ComponentChildren } from 'preact';

interface Props {
  label: string;
  hint?: string;
  required?: boolean;
  children: ComponentChildren;
}

/** A label wrapping its control, so the click target and the accessible name come for free. */
export function Field({ label, hint, required, children }: Props) {
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the control is the `children` this label wraps.
    <label class="field">
      <span class="field-label">
        {label}
        {required && (
          <span class="required" aria-hidden="true">
            {' '}
            *
          </span>
        )}
      </span>
      {children}
      {hint && <span class="field-hint">{hint}</span>}
    </label>
  );
}
