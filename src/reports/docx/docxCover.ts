import { AlignmentType, Paragraph, TextRun } from 'docx';
import type { ReportMeta } from '../model.js';
import { DRAFT_MARK, reportDate, syntheticNotice } from '../reportText.js';
import { FONTS, SIZE } from './docxStyles.js';

const RED = 'C00000';

/** The cover page (a section of its own, so no page break): title, author, date, draft reason, synthetic-data notice. */
export function docxCover(meta: ReportMeta): Paragraph[] {
  const centred = (text: string, run: { font: (typeof FONTS)[keyof typeof FONTS]; size: number; bold?: boolean; color?: string }) =>
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 240, after: 240 }, children: [new TextRun({ text, ...run })] });
  const paragraphs = [
    new Paragraph({ spacing: { before: 2400 }, children: [] }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 1200, line: 720, lineRule: 'exact' },
      children: [new TextRun({ text: meta.title, font: FONTS.song, size: SIZE.er, bold: true })],
    }),
    centred(meta.author, { font: FONTS.kai, size: SIZE.sanHao }),
    centred(reportDate(meta.generatedAt), { font: FONTS.kai, size: SIZE.sanHao }),
  ];
  if (meta.draft) {
    paragraphs.push(
      new Paragraph({ spacing: { before: 1200 }, children: [] }),
      centred(`【${DRAFT_MARK}】`, { font: FONTS.hei, size: SIZE.sanHao, color: RED }),
    );
    if (meta.draftReason) paragraphs.push(centred(meta.draftReason, { font: FONTS.fang, size: SIZE.siHao, color: RED }));
  }
  if (meta.synthetic) {
    paragraphs.push(
      new Paragraph({ spacing: { before: meta.draft ? 240 : 1200 }, children: [] }),
      centred(`【合成数据】${syntheticNotice(meta)}`, { font: FONTS.fang, size: SIZE.siHao, bold: true }),
    );
  }
  paragraphs.push(centred(meta.sourceLine, { font: FONTS.fang, size: SIZE.xiaoSi }));
  return paragraphs;
}
