import { CHART_FONT_FAMILY } from '../charts/chartOption.js';
import { DRAFT_MARK } from '../reportText.js';

/**
 * The printable page's style sheet: A4 with the margins of GB/T 9704, the official fonts by their Windows, macOS and
 * Linux names (the reader's browser takes the first it has), tables whose header repeats on every printed page.
 */
export const HTML_STYLES = `
:root {
  --song: "SimSun", "宋体", "Songti SC", "STSong", "Noto Serif CJK SC", "Source Han Serif SC", serif;
  --fang: "FangSong", "仿宋", "FangSong_GB2312", "仿宋_GB2312", "STFangsong", "Noto Serif CJK SC", "Source Han Serif SC", serif;
  --hei: "SimHei", "黑体", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif;
  --kai: "KaiTi", "楷体", "KaiTi_GB2312", "STKaiti", "Noto Serif CJK SC", "Source Han Serif SC", serif;
  --title: "方正小标宋简体", "FZXiaoBiaoSong-B05S", "SimSun", "宋体", "Songti SC", "Noto Serif CJK SC", serif;
}
@page { size: A4; margin: 37mm 26mm 35mm 28mm;
  @bottom-center { content: "— " counter(page) " —"; font-family: var(--song); font-size: 14pt; } }
@page :first { @bottom-center { content: none; } }
* { box-sizing: border-box; }
html { background: #e8e8e8; }
body { margin: 0; font-family: var(--fang); font-size: 16pt; line-height: 28pt; color: #000;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.page { width: 210mm; margin: 8mm auto; padding: 37mm 26mm 35mm 28mm; background: #fff; box-shadow: 0 0 4mm rgba(0, 0, 0, 0.15); }
.cover { min-height: 225mm; text-align: center; display: flex; flex-direction: column; justify-content: center; gap: 6mm; }
.cover h1, .report-title { font-family: var(--title); font-size: 22pt; line-height: 36pt; font-weight: bold; text-align: center; margin: 0 0 12mm; }
.cover p { margin: 0; }
.cover .author, .cover .date { font-family: var(--kai); }
.cover .draft { color: #c00000; font-size: 14pt; line-height: 22pt; }
.cover .draft strong { font-family: var(--hei); font-weight: normal; font-size: 16pt; }
.cover .synthetic { font-size: 14pt; line-height: 22pt; font-weight: bold; }
.cover .source { font-size: 12pt; line-height: 20pt; }
.body { break-before: page; }
p.text { margin: 0; text-indent: 2em; text-align: justify; }
p.text strong { font-weight: bold; }
h2, h3, h4 { font-size: 16pt; line-height: 28pt; margin: 0; text-indent: 2em; break-after: avoid; }
h2 { font-family: var(--hei); font-weight: normal; }
h3 { font-family: var(--kai); font-weight: normal; }
h4 { font-family: var(--fang); font-weight: bold; }
.caption { font-family: var(--hei); font-size: 12pt; line-height: 18pt; text-align: center; margin: 6mm 0 2mm; break-after: avoid; }
table { width: 100%; border-collapse: collapse; font-family: var(--song); font-size: 10.5pt; line-height: 14pt; }
thead { display: table-header-group; }
th, td { border: 0.75pt solid #000; padding: 1mm 1.5mm; vertical-align: middle; }
th { background: #d9d9d9; text-align: center; font-weight: bold; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr { break-inside: avoid; }
tr.warning-red td { background: #ffc7ce; }
tr.warning-yellow td { background: #ffeb9c; }
.note { font-family: var(--song); font-size: 9pt; line-height: 13pt; margin: 1mm 0 4mm; }
figure { margin: 0 0 4mm; break-inside: avoid; }
figure svg { display: block; width: 100%; height: auto; font-family: ${CHART_FONT_FAMILY}; }
.draft-mark { position: fixed; top: 4mm; right: 6mm; color: #c00000; font-family: var(--hei); font-size: 14pt; font-weight: bold; z-index: 10; }
.draft-watermark { position: fixed; top: 50%; left: 50%; transform: translate(-50%, -50%) rotate(-45deg); font-family: var(--hei);
  font-size: 160pt; line-height: 1; color: rgba(0, 0, 0, 0.05); pointer-events: none; z-index: 0; white-space: nowrap; }
@media print {
  html { background: none; }
  .page { width: auto; margin: 0; padding: 0; box-shadow: none; }
  .cover { min-height: 220mm; }
  /* Printed, the mark moves into the page's top margin box (below), which every page repeats. */
  .draft-mark { display: none; }
}
`;

/** Added for a draft: 草稿 in the top right margin of every printed page. */
export const HTML_DRAFT_STYLES = `
@page { @top-right { content: "${DRAFT_MARK}"; color: #c00000; font-family: var(--hei); font-size: 14pt; font-weight: bold; vertical-align: bottom; } }
`;
