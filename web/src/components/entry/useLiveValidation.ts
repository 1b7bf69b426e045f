/**
 * Checks the changed lines with the server (POST /api/values/validate) a moment after the user
 * stops typing, so that errors appear beside the cell before saving. Answers that arrive after a
 * newer request are dropped.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { validateValues, type ValueEntry } from '../../hooks/useValues';
import { issuesOf, type Issues } from './issues';

const DELAY_MS = 500;

export interface LiveValidation {
  issues: Issues;
  checking: boolean;
  /** Puts the errors of a refused save in place (they are the newest word). */
  show(issues: Issues): void;
}

export function useLiveValidation(
  target: { year: number; department: string } | null,
  changed: { key: string; entry: ValueEntry }[],
): LiveValidation {
  const [issues, setIssues] = useState<Issues>({});
  const [checking, setChecking] = useState(false);
  const round = useRef(0);
  const body = target && changed.length > 0 ? JSON.stringify({ ...target, entries: changed.map((c) => c.entry) }) : null;
  const keys = useRef<string[]>([]);
  keys.current = changed.map((c) => c.key);

  useEffect(() => {
    const mine = ++round.current;
    if (body === null) {
      setIssues({});
      setChecking(false);
      return;
    }
    const sent = keys.current;
    setChecking(true);
    const timer = setTimeout(() => {
      validateValues(JSON.parse(body) as Parameters<typeof validateValues>[0])
        .then((v) => {
          if (mine === round.current) setIssues(issuesOf(sent, v.errors, v.warnings));
        })
        .catch(() => {
          // A failed check is not an error of the user's: saving checks again.
        })
        .finally(() => {
          if (mine === round.current) setChecking(false);
        });
    }, DELAY_MS);
    return () => clearTimeout(timer);
  }, [body]);

  const show = useCallback((next: Issues) => {
    round.current++;
    setChecking(false);
    setIssues(next);
  }, []);
  return { issues, checking, show };
}
