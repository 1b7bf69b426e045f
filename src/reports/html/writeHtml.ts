import type { Report, ReportMeta } from '../model.js';
import { DRAFT_MARK, reportDate, syntheticNotice } from '../reportText.js';
import { escapeHtml } from './escapeHtml.js';
import { htmlParagraph, htmlSection, htmlTable, type Counters } from './htmlBlocks.js';
import { HTML_DRAFT_STYLES, HTML_STYLES } from './htmlStyles.js';

/**
 * The report as one self-contained printable HTML page: styles inline, charts inline as SVG, every text escaped;
 * a draft carries 草稿 fixed at the top and across the page, which print repeats on every page.
 */
export function writeHtml(report: Report): string {
  const { meta } = report;
  const counters: Counters = { table: 0, figure: 0 };
  const draftMarks = meta.draft
    ? `<div class="draft-mark" aria-hidden="true">${DRAFT_MARK}</div>\n<div class="draft-watermark" aria-hidden="true">${DRAFT_MARK}</div>`
    : '';
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="childplan">
<title>${escapeHtml(meta.draft ? `【${DRAFT_MARK}】${meta.title}` : meta.title)}</title>
<style>${HTML_STYLES}${meta.draft ? HTML_DRAFT_STYLES : ''}</style>
</head>
<body>
${draftMarks}
<div class="page">
${cover(meta)}
<main class="body">
<h1 class="report-title">${escapeHtml(meta.title)}</h1>
${report.preamble.map(htmlParagraph).join('\n')}
${htmlTable(report.summary, ++counters.table)}
${report.sections.map((section) => htmlSection(section, 0, counters)).join('\n')}
</main>
</div>
</body>
</html>
`;
}

function cover(meta: ReportMeta): string {
  const lines = [
    `<h1>${escapeHtml(meta.title)}</h1>`,
    `<p class="author">${escapeHtml(meta.author)}</p>`,
    `<p class="date">${escapeHtml(reportDate(meta.generatedAt))}</p>`,
  ];
  if (meta.draft) {
    const reason = meta.draftReason ? `<br>${escapeHtml(meta.draftReason)}` : '';
    lines.push(`<p class="draft"><strong>【${DRAFT_MARK}】</strong>${reason}</p>`);
  }
  if (meta.synthetic) lines.push(`<p class="synthetic">【合成数据】${escapeHtml(syntheticNotice(meta))}</p>`);
  lines.push(`<p class="source">${escapeHtml(meta.sourceLine)}</p>`);
  return `<header class="cover">\n${lines.join('\n')}\n</header>`;
}
