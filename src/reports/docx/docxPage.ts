import { AlignmentType, Footer, Header, PageNumber, Paragraph, TextRun } from 'docx';
import { TextWatermark } from 'docx/watermarks';
import { DRAFT_MARK } from '../reportText.js';
import { FONTS, SIZE } from './docxStyles.js';

/** The header of every page of a draft: 草稿 at the top right, and a pale diagonal 草稿 across the page. */
export function draftHeader(): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [
          new TextRun({ text: DRAFT_MARK, font: FONTS.hei, size: SIZE.siHao, bold: true, color: 'C00000' }),
          new TextWatermark({ text: DRAFT_MARK, font: '黑体', color: 'EDEDED', opacity: 0.4 }),
        ],
      }),
    ],
  });
}

/** Page number centred at the foot as official documents print it: — 1 —. */
export function pageNumberFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: FONTS.song, size: SIZE.siHao })],
      }),
    ],
  });
}
