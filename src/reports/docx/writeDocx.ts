import { Document, Footer, Packer, type ISectionOptions } from 'docx';
import type { Report } from '../model.js';
import { docxBody } from './docxBody.js';
import { docxCover } from './docxCover.js';
import { draftHeader, pageNumberFooter } from './docxPage.js';
import { PAGE, STYLES } from './docxStyles.js';

/** The report as a Word document: A4, official fonts and sizes, cover, numbered pages, 草稿 on every page of a draft. */
export async function writeDocx(report: Report): Promise<Buffer> {
  const { meta } = report;
  const page = { size: { width: PAGE.width, height: PAGE.height }, margin: PAGE.margin };
  const cover: ISectionOptions = {
    properties: { page },
    headers: meta.draft ? { default: draftHeader() } : undefined,
    // An empty footer: the cover carries no page number.
    footers: { default: new Footer({ children: [] }) },
    children: docxCover(meta),
  };
  const body: ISectionOptions = {
    properties: { page: { ...page, pageNumbers: { start: 1 } } },
    headers: meta.draft ? { default: draftHeader() } : undefined,
    footers: { default: pageNumberFooter() },
    children: docxBody(report),
  };
  const document = new Document({
    creator: meta.author,
    title: meta.title,
    description: meta.sourceLine,
    styles: STYLES,
    sections: [cover, body],
  });
  return Packer.toBuffer(document);
}
