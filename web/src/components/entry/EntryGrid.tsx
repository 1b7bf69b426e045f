/**
 * The entry grid: one row per value to give, grouped by domain and indicator, with the three years
 * before beside it. Keys work as in Excel: Tab and Shift+Tab go along the row, Enter and ↓ go down
 * the column, Shift+Enter and ↑ go up, Esc puts back what the cell held when it was entered.
 * A cell's errors (red) and warnings (orange) are written in the row right under it.
 */
import { memo, useCallback, useRef, type FocusEvent, type KeyboardEvent, type ReactNode } from 'react';
import { Button, Input, Radio } from 'antd';
import type { FormLine } from '../../hooks/useEntryForm';
import {
  cellTestId,
  cellText,
  changedFields,
  clearsStored,
  computedValue,
  effectiveValue,
  FIELD_LABELS,
  shortNumber,
  type Field,
  type LineEdit,
} from './entryModel';
import type { LineIssues } from './issues';
import { Sparkline } from './Sparkline';
import './entry.css';

export interface GridLine {
  line: FormLine;
  yesNo: boolean;
}

export interface EntryGridProps {
  year: number;
  lines: GridLine[];
  domainNames: ReadonlyMap<string, string>;
  edits: Readonly<Record<string, LineEdit>>;
  issues: Readonly<Record<string, LineIssues>>;
  readOnly: boolean;
  onChange(key: string, field: Field, text: string): void;
  onHistory(line: FormLine): void;
}

const COLUMNS = 13;
const INPUT_FIELDS: readonly Field[] = ['value', 'numerator', 'denominator', 'source', 'note'];

function unitSuffix(unit: string): string {
  return unit === '%' || unit === '‰' ? unit : ` ${unit}`;
}

function previousText(v: number | null, yesNo: boolean): string {
  if (v === null) return '';
  if (yesNo) return v > 0 ? '是' : '否';
  return shortNumber(v, 2);
}

interface RowProps {
  g: GridLine;
  row: number;
  edit: LineEdit | undefined;
  issues: LineIssues | undefined;
  readOnly: boolean;
  indicatorCell: { rowSpan: number } | null;
  onChange(key: string, field: Field, text: string): void;
  onHistory(line: FormLine): void;
}

function messagesFor(
  issues: LineIssues | undefined,
  clearing: boolean,
): { field: Field | null; text: string; kind: 'error' | 'warning' }[] {
  const out: { field: Field | null; text: string; kind: 'error' | 'warning' }[] = [];
  for (const f of INPUT_FIELDS) for (const text of issues?.errors[f] ?? []) out.push({ field: f, text, kind: 'error' });
  for (const text of issues?.warnings ?? []) out.push({ field: null, text, kind: 'warning' });
  if (clearing) out.push({ field: null, text: '清空不会删除已保存的数值;如需更正,请填写新的数值', kind: 'warning' });
  return out;
}

const LineRow = memo(function LineRow({ g, row, edit, issues, readOnly, indicatorCell, onChange, onHistory }: RowProps) {
  const { line, yesNo } = g;
  const ind = line.indicator;
  const changed = new Set(changedFields(line, edit, yesNo));
  const clearing = changed.size > 0 && clearsStored(line, edit, yesNo);
  const messages = messagesFor(issues, clearing);
  const describedBy = messages.length > 0 ? `issues-${cellTestId('value', line)}` : undefined;
  const computed = computedValue(line, edit, yesNo);
  const now = effectiveValue(line, edit, yesNo);
  const points = [
    ...line.previous,
    { year: line.previous.length > 0 ? (line.previous[line.previous.length - 1]?.year ?? 0) + 1 : 0, value: now },
  ];
  const name = `${ind.name} ${line.label}`;

  const input = (field: Field, placeholder?: string) => {
    const errors = issues?.errors[field];
    const numeric = field === 'value' || field === 'numerator' || field === 'denominator';
    return (
      <Input
        size="small"
        value={cellText(line, edit, field, yesNo)}
        onChange={(e) => onChange(line.key, field, e.target.value)}
        readOnly={readOnly}
        status={errors && errors.length > 0 ? 'error' : undefined}
        className={[changed.has(field) ? 'entry-changed' : '', numeric ? 'entry-num' : ''].join(' ')}
        inputMode={numeric ? 'decimal' : undefined}
        variant={readOnly ? 'borderless' : 'outlined'}
        placeholder={readOnly ? undefined : placeholder}
        title={readOnly ? undefined : placeholder}
        maxLength={numeric ? 40 : 500}
        autoComplete="off"
        aria-label={`${name} ${field === 'numerator' ? (ind.numeratorLabel ?? '分子') : field === 'denominator' ? (ind.denominatorLabel ?? '分母') : FIELD_LABELS[field]}`}
        aria-invalid={errors && errors.length > 0 ? true : undefined}
        aria-describedby={describedBy}
        data-testid={cellTestId(field, line)}
        data-row={row}
        data-field={field}
        data-line={line.key}
      />
    );
  };

  return (
    <>
      <tr className="entry-line" data-testid={`line-${cellTestId('value', line).slice('value-'.length)}`}>
        {indicatorCell && (
          <td className="entry-indicator" rowSpan={indicatorCell.rowSpan}>
            <div className="entry-indicator-sticky">
              <div className="entry-indicator-name">{ind.name}</div>
              <div className="entry-indicator-meta">
                单位:{ind.unit} · 目标:{ind.targetText}
                {ind.hasFormula && !yesNo && ind.numeratorLabel && ind.denominatorLabel && (
                  <div>
                    = {ind.numeratorLabel} ÷ {ind.denominatorLabel}
                    {ind.factor !== 1 ? ` × ${ind.factor}` : ''}
                  </div>
                )}
                {yesNo && <div>填写“是”或“否”</div>}
              </div>
            </div>
          </td>
        )}
        <td className="entry-label">{line.label}</td>
        {line.previous.map((p) => (
          <td key={p.year} className="entry-prev">
            {previousText(p.value, yesNo)}
          </td>
        ))}
        <td>
          <Sparkline points={points} changed={changed.size > 0} label={name} />
        </td>
        <td>
          {yesNo ? (
            <Radio.Group
              size="small"
              optionType="button"
              value={cellText(line, edit, 'value', yesNo)}
              onChange={(e) => onChange(line.key, 'value', String(e.target.value))}
              disabled={readOnly}
              aria-label={`${name} 数值`}
              data-testid={cellTestId('value', line)}
              className={changed.has('value') ? 'entry-changed' : undefined}
              options={[
                { value: '1', label: '是' },
                { value: '0', label: '否' },
              ]}
            />
          ) : (
            input('value')
          )}
        </td>
        <td>{ind.hasFormula && !yesNo ? input('numerator', ind.numeratorLabel ?? undefined) : <div className="entry-muted">—</div>}</td>
        <td>{ind.hasFormula && !yesNo ? input('denominator', ind.denominatorLabel ?? undefined) : <div className="entry-muted">—</div>}</td>
        <td className="entry-computed" data-testid={cellTestId('computed', line)} aria-label={`${name} 计算值`}>
          {computed === null ? '' : `${shortNumber(computed, 2)}${unitSuffix(ind.unit)}`}
        </td>
        <td>{input('source')}</td>
        <td>{input('note')}</td>
        <td style={{ textAlign: 'center' }}>
          <Button
            type="link"
            size="small"
            onClick={() => onHistory(line)}
            aria-label={`${name} 历史`}
            data-testid={cellTestId('history', line)}
            tabIndex={-1}
            style={{ padding: 0 }}
          >
            历史
          </Button>
        </td>
      </tr>
      {messages.length > 0 && (
        <tr className="entry-issues">
          <td colSpan={5} />
          <td colSpan={COLUMNS - 6} id={describedBy} role={messages.some((m) => m.kind === 'error') ? 'alert' : undefined}>
            {messages.map((m, i) => (
              <div
                key={i}
                className={m.kind === 'error' ? 'entry-error' : 'entry-warning'}
                data-testid={`${m.kind}-${cellTestId(m.field ?? 'value', line)}`}
              >
                {m.field && !m.text.includes(FIELD_LABELS[m.field]) ? `${FIELD_LABELS[m.field]}:` : ''}
                {m.text}
              </div>
            ))}
          </td>
        </tr>
      )}
    </>
  );
});

/** Moves the focus like a spreadsheet; true when it did. */
function moveFocus(container: HTMLElement, from: HTMLElement, down: boolean): boolean {
  const row = Number(from.dataset.row);
  const field = from.dataset.field;
  if (!Number.isInteger(row) || !field) return false;
  const cells = Array.from(container.querySelectorAll<HTMLInputElement>('input[data-row]'));
  const step = down ? 1 : -1;
  const rows = new Set(cells.map((c) => Number(c.dataset.row)));
  const last = Math.max(...rows);
  for (let r = row + step; r >= 0 && r <= last; r += step) {
    const inRow = cells.filter((c) => Number(c.dataset.row) === r);
    if (inRow.length === 0) continue;
    const target = inRow.find((c) => c.dataset.field === field) ?? inRow[0];
    if (target) {
      target.focus();
      target.select();
      return true;
    }
  }
  return false;
}

export function EntryGrid({ year, lines, domainNames, edits, issues, readOnly, onChange, onHistory }: EntryGridProps) {
  const container = useRef<HTMLDivElement>(null);
  const enteredWith = useRef<{ key: string; field: string; text: string } | null>(null);

  const onFocus = useCallback((e: FocusEvent<HTMLDivElement>) => {
    const t = e.target;
    if (t instanceof HTMLInputElement && t.dataset.line && t.dataset.field) {
      enteredWith.current = { key: t.dataset.line, field: t.dataset.field, text: t.value };
    }
  }, []);

  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLDivElement>) => {
      const t = e.target;
      const box = container.current;
      if (!(t instanceof HTMLInputElement) || !t.dataset.row || !box || e.nativeEvent.isComposing) return;
      if (e.key === 'Enter' || e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        const down = e.key === 'ArrowDown' || (e.key === 'Enter' && !e.shiftKey);
        if (moveFocus(box, t, down)) e.preventDefault();
      } else if (e.key === 'Escape' && !readOnly) {
        const was = enteredWith.current;
        if (was && was.key === t.dataset.line && was.field === t.dataset.field) {
          onChange(was.key, was.field as Field, was.text);
          e.preventDefault();
        }
      }
    },
    [onChange, readOnly],
  );

  // Row spans: an indicator's lines and the message rows under them.
  const rows: ReactNode[] = [];
  let domain: string | null = null;
  let row = 0;
  for (let i = 0; i < lines.length;) {
    const first = lines[i];
    if (!first) break;
    if (first.line.indicator.domain !== domain) {
      domain = first.line.indicator.domain;
      rows.push(
        <tr key={`domain-${domain}`} className="entry-domain">
          <td colSpan={COLUMNS}>{domainNames.get(domain) ?? domain}</td>
        </tr>,
      );
    }
    let j = i;
    while (j < lines.length && lines[j]?.line.indicator.code === first.line.indicator.code) j++;
    const group = lines.slice(i, j);
    const span = group.reduce((n, g) => {
      const edit = edits[g.line.key];
      const changed = changedFields(g.line, edit, g.yesNo).length > 0;
      const extra = messagesFor(issues[g.line.key], changed && clearsStored(g.line, edit, g.yesNo)).length > 0 ? 1 : 0;
      return n + 1 + extra;
    }, 0);
    group.forEach((g, k) => {
      rows.push(
        <LineRow
          key={g.line.key}
          g={g}
          row={row++}
          edit={edits[g.line.key]}
          issues={issues[g.line.key]}
          readOnly={readOnly}
          indicatorCell={k === 0 ? { rowSpan: span } : null}
          onChange={onChange}
          onHistory={onHistory}
        />,
      );
    });
    i = j;
  }

  const prevYears = [year - 3, year - 2, year - 1];
  return (
    <div className="entry-grid-wrap" ref={container} onKeyDown={onKeyDown} onFocus={onFocus}>
      <table className="entry-grid" aria-label="填报表" data-testid="entry-grid">
        <colgroup>
          <col style={{ width: 190 }} />
          <col style={{ width: 56 }} />
          {prevYears.map((y) => (
            <col key={y} style={{ width: 50 }} />
          ))}
          <col style={{ width: 64 }} />
          <col style={{ width: 92 }} />
          <col style={{ width: 92 }} />
          <col style={{ width: 92 }} />
          <col style={{ width: 72 }} />
          <col />
          <col />
          <col style={{ width: 44 }} />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">指标</th>
            <th scope="col">分组</th>
            {prevYears.map((y) => (
              <th scope="col" key={y}>
                {y}
              </th>
            ))}
            <th scope="col">走势</th>
            <th scope="col">{year} 年数值</th>
            <th scope="col">分子</th>
            <th scope="col">分母</th>
            <th scope="col">计算值</th>
            <th scope="col">来源</th>
            <th scope="col">备注</th>
            <th scope="col">历史</th>
          </tr>
        </thead>
        <tbody>{rows}</tbody>
      </table>
    </div>
  );
}
