/** Print set-up shared by every sheet the reports write: A4 landscape, fit to width, title and page numbers on each page. */
import type { Worksheet } from 'exceljs';
import { DRAFT_MARK } from '../reportText.js';

export interface PrintOptions {
  /** The report's title, printed in the page header. */
  title: string;
  draft: boolean;
  /** Rows repeated at the top of every printed page (the table's title and header rows). */
  repeatRows: { from: number; to: number } | null;
}

export function applyPrintSetup(sheet: Worksheet, options: PrintOptions): void {
  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: 9, // A4
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    // 0: as many pages high as the rows need; only the width is fitted.
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    ...(options.repeatRows ? { printTitlesRow: `${options.repeatRows.from}:${options.repeatRows.to}` } : {}),
  };
  const header = `&C&"-,Bold"${escapeCodes(options.title)}${options.draft ? `&R&"-,Bold"&KFF0000${DRAFT_MARK}` : ''}`;
  const footer = `&L${escapeCodes(sheet.name)}&C第 &P 页,共 &N 页${options.draft ? `&R${DRAFT_MARK}` : ''}`;
  sheet.headerFooter = { ...sheet.headerFooter, differentFirst: false, differentOddEven: false, oddHeader: header, oddFooter: footer };
}

/** An ampersand starts a formatting code in headers and footers; a literal one is written twice. */
function escapeCodes(text: string): string {
  return text.replace(/&/g, '&&');
}
