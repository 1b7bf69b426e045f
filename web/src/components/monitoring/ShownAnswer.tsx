/**
 * A monitoring page's figures: a spinner until the first answer, then the answer, dimmed while it
 * is not yet the one for the selection (the next one is loading). The data-* attributes tell the
 * browser tests which answer is on screen.
 */
import type { ReactNode } from 'react';
import { FullPageSpin } from '../FullPageSpin';

interface Answer {
  year: number;
  data: string;
  orgUnit: { code: string };
}

export function ShownAnswer<A extends Answer>(props: {
  answer: A | undefined;
  shown: boolean;
  failed: boolean;
  testId: string;
  children: (answer: A) => ReactNode;
}) {
  const { answer, shown } = props;
  if (!answer) return props.failed ? null : <FullPageSpin />;
  return (
    <div
      style={{ opacity: shown ? 1 : 0.55 }}
      data-testid={props.testId}
      data-current={shown}
      data-year={answer.year}
      data-org={answer.orgUnit.code}
      data-kind={answer.data}
    >
      {props.children(answer)}
    </div>
  );
}
