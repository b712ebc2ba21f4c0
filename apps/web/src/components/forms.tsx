import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { fieldMessages } from '@apps/web/src/lib/errors';

/**
 * Per-field messages of a form: set from the browser's own checks or from a 422's details, rendered
 * next to each input (`message`) and tied to it for screen readers (`invalid`).
 */
export function useFieldErrors<F extends string>(idPrefix: string, fields: readonly F[]) {
  const [errors, setErrors] = useState<Partial<Record<F, string>>>({});
  return {
    errors,
    setErrors,
    /** Takes the field-level messages of an API refusal; true when there were any. */
    fromApi(err: unknown): boolean {
      const found: Partial<Record<F, string>> = {};
      for (const f of fields) {
        const messages = fieldMessages(err, f);
        if (messages.length) found[f] = messages.join(' ');
      }
      setErrors(found);
      return Object.keys(found).length > 0;
    },
    invalid: (f: F) => (errors[f] ? { 'aria-invalid': true, 'aria-describedby': `${idPrefix}-${f}-error` } : {}),
    message: (f: F) =>
      errors[f] ? (
        <p id={`${idPrefix}-${f}-error`} className="field-error" role="alert">
          {errors[f]}
        </p>
      ) : null,
  };
}

/** The query string as page state: `update({ page: null, q: 'x' })` sets or (null/empty) removes keys. */
export function useQueryState() {
  const [params, setParams] = useSearchParams();
  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || v === '') next.delete(k);
      else next.set(k, v);
    }
    setParams(next);
  };
  return [params, update] as const;
}
