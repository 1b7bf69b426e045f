import { chartSvg } from '../charts/chartSvg.js';
import type { Chart, Paragraph, Section, Table } from '../model.js';
import { figureCaption, tableCaption } from '../reportText.js';
import { warningFill } from '../warningFills.js';
import { escapeHtml } from './escapeHtml.js';

/** Running numbers of tables and figures through the page (表1, 图1…). */
export interface Counters {
  table: number;
  figure: number;
}

/** A paragraph of body text; a finding's opening judgement in bold. */
export function htmlParagraph(paragraph: Paragraph): string {
  const bold = paragraph.bold ? `<strong>${escapeHtml(paragraph.bold)}</strong>` : '';
  return `<p class="text">${bold}${escapeHtml(paragraph.text)}</p>`;
}

export function htmlTable(table: Table, number: number): string {
  const head = table.columns.map((column) => `<th scope="col">${escapeHtml(column.title)}</th>`).join('');
  const rows = table.rows.map((row) => {
    // Only the known warnings become a class: the value is data, not markup.
    const warning = warningFill(row.warning) && row.warning ? ` class="warning-${row.warning}"` : '';
    const cells = table.columns.map((column) => {
      const text = escapeHtml(row.cells[column.key] ?? '');
      return column.numeric ? `<td class="num">${text}</td>` : `<td>${text}</td>`;
    });
    return `<tr${warning}>${cells.join('')}</tr>`;
  });
  const note = table.note ? `<p class="note">${escapeHtml(table.note)}</p>` : '';
  return [
    `<p class="caption">${escapeHtml(tableCaption(number, table.title))}</p>`,
    `<table><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`,
    note,
  ].join('\n');
}

/** The chart inline as the SVG that ECharts draws on the server (its text is escaped by ECharts). */
export function htmlChart(chart: Chart, number: number): string {
  const caption = escapeHtml(figureCaption(number, chart.title));
  const svg = chartSvg(chart).replace(/^<svg width="\d+" height="\d+"/, `<svg role="img" aria-label="${caption}"`);
  return `<figure>\n<figcaption class="caption">${caption}</figcaption>\n${svg}\n</figure>`;
}

export function htmlSection(section: Section, depth: number, counters: Counters): string {
  const tag = ['h2', 'h3', 'h4'][Math.min(depth, 2)] ?? 'h4';
  return [
    `<section>`,
    `<${tag}>${escapeHtml(section.heading)}</${tag}>`,
    ...section.paragraphs.map(htmlParagraph),
    ...section.tables.map((table) => htmlTable(table, ++counters.table)),
    ...section.charts.map((chart) => htmlChart(chart, ++counters.figure)),
    ...section.subsections.map((sub) => htmlSection(sub, depth + 1, counters)),
    `</section>`,
  ].join('\n');
}
