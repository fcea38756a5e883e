import type { ComponentChildren } from 'preact';

interface Props {
  label: string;
  hint?: string;
  required?: boolean;
  /** The server's reason this field was refused: the field is marked and the reason shown under it. */
  error?: string;
  children: ComponentChildren;
}

/** A label wrapping its control, so the click target and the accessible name come for free. */
export function Field({ label, hint, required, error, children }: Props) {
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the control is the `children` this label wraps.
    <label class={`field${error ? ' has-error' : ''}`} data-invalid={error ? 'true' : undefined}>
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
      {error && (
        <span class="field-error" data-testid="field-error">
          <span aria-hidden="true">⚠ </span>
          {error}
        </span>
      )}
    </label>
  );
}
