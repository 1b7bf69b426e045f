import { AlignmentType, LineRuleType, type IStylesOptions } from 'docx';

/**
 * The look of a Chinese official document (GB/T 9704): fonts by their Chinese names, which Word on Chinese Windows
 * has and LibreOffice maps to the installed CJK fonts; Latin text and figures in Times New Roman. No eastAsia font
 * hint: with it LibreOffice treats figures as CJK text and breaks lines inside numbers (202|4年).
 */
export const FONTS = {
  song: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体' },
  hei: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体' },
  kai: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '楷体' },
  fang: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋' },
} as const;

/** Chinese font sizes (号) in half-points, as docx counts them. */
export const SIZE = {
  er: 44, // 二号 22 pt
  sanHao: 32, // 三号 16 pt
  siHao: 28, // 四号 14 pt
  xiaoSi: 24, // 小四 12 pt
  wuHao: 21, // 五号 10.5 pt
  xiaoWu: 18, // 小五 9 pt
} as const;

/** A4 with the margins of GB/T 9704 (37/35/28/26 mm), in twips. */
export const PAGE = {
  width: 11906,
  height: 16838,
  margin: { top: 2098, bottom: 1984, left: 1588, right: 1474, header: 851, footer: 1134 },
} as const;

/** Width of the text block in twips (156 mm) and in the 96-dpi pixels docx sizes images in. */
export const TEXT_WIDTH_TWIPS = PAGE.width - PAGE.margin.left - PAGE.margin.right;
export const TEXT_WIDTH_PX = Math.floor((TEXT_WIDTH_TWIPS / 1440) * 96);

/** Body lines at a fixed 28 pt: 22 lines of 三号 to an A4 page, as the standard asks. */
const BODY_LINE = { line: 560, lineRule: LineRuleType.EXACT };
/** Two characters of 三号 (16 pt). */
export const INDENT_TWO_CHARS = 640;

export const STYLES: IStylesOptions = {
  default: {
    document: {
      run: { font: FONTS.fang, size: SIZE.sanHao, language: { value: 'en-US', eastAsia: 'zh-CN' } },
      paragraph: { spacing: { line: 240, lineRule: LineRuleType.AUTO } },
    },
    title: {
      run: { font: FONTS.song, size: SIZE.er, bold: true, color: '000000' },
      paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 240, after: 480, line: 720, lineRule: LineRuleType.EXACT } },
    },
    heading1: {
      run: { font: FONTS.hei, size: SIZE.sanHao, bold: false, color: '000000' },
      paragraph: { spacing: { ...BODY_LINE, before: 0, after: 0 }, indent: { firstLine: INDENT_TWO_CHARS }, keepNext: true },
    },
    heading2: {
      run: { font: FONTS.kai, size: SIZE.sanHao, bold: false, color: '000000' },
      paragraph: { spacing: { ...BODY_LINE, before: 0, after: 0 }, indent: { firstLine: INDENT_TWO_CHARS }, keepNext: true },
    },
    heading3: {
      run: { font: FONTS.fang, size: SIZE.sanHao, bold: true, color: '000000' },
      paragraph: { spacing: { ...BODY_LINE, before: 0, after: 0 }, indent: { firstLine: INDENT_TWO_CHARS }, keepNext: true },
    },
  },
  paragraphStyles: [
    {
      id: 'ReportBody',
      name: '报告正文',
      basedOn: 'Normal',
      quickFormat: true,
      run: { font: FONTS.fang, size: SIZE.sanHao },
      paragraph: { alignment: AlignmentType.JUSTIFIED, spacing: BODY_LINE, indent: { firstLine: INDENT_TWO_CHARS } },
    },
    {
      id: 'ReportCaption',
      name: '图表标题',
      basedOn: 'Normal',
      run: { font: FONTS.hei, size: SIZE.xiaoSi },
      paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 240, after: 120 }, keepNext: true },
    },
    {
      id: 'ReportTableText',
      name: '表格文字',
      basedOn: 'Normal',
      run: { font: FONTS.song, size: SIZE.wuHao },
      paragraph: { spacing: { before: 20, after: 20 } },
    },
    {
      id: 'ReportNote',
      name: '表注',
      basedOn: 'Normal',
      run: { font: FONTS.song, size: SIZE.xiaoWu },
      paragraph: { spacing: { before: 60, after: 240 } },
    },
  ],
};
