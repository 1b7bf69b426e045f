import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { samples, zipOf } from '../../../test/support/sampleDocuments.js';
import { checkFileType, cleanFileName, extensionOf, zipEntryNames, type FileTypeCheck } from './fileType.js';

const reason = (check: FileTypeCheck): string => (check.ok ? '' : check.reason);

describe('checkFileType', () => {
  it.each([
    ['工作总结.pdf', samples.pdf(), 'application/pdf'],
    ['工作总结.doc', samples.ole2(), 'application/msword'],
    ['工作总结(RTF).doc', samples.rtf(), 'application/msword'],
    ['工作总结.docx', samples.docx(), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['工作总结.wps', samples.ole2(), 'application/vnd.ms-works'],
    ['批复.ofd', samples.ofd(), 'application/ofd'],
    ['台账.xls', samples.ole2(), 'application/vnd.ms-excel'],
    ['台账.xlsx', samples.xlsxByHand(), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['现场.jpg', samples.jpeg(), 'image/jpeg'],
    ['现场.JPEG', samples.jpeg(), 'image/jpeg'],
    ['现场.png', samples.png(), 'image/png'],
    ['说明.txt', samples.text(), 'text/plain'],
  ])('accepts %s whose content matches its extension', (name, bytes, mimeType) => {
    expect(checkFileType(name, bytes)).toMatchObject({ ok: true, mimeType });
  });

  it('accepts a workbook written by Excel-compatible software (compressed entries)', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('台账').addRow(['项目', '完成情况']);
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    expect(checkFileType('台账.xlsx', bytes).ok).toBe(true);
    expect(checkFileType('台账.docx', bytes).ok).toBe(false);
  });

  it('accepts text in GBK and in UTF-16 with its byte-order mark', () => {
    expect(checkFileType('说明.txt', iconv.encode('梨树县儿童工作总结\r\n', 'gbk')).ok).toBe(true);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('总结', 'utf-16le')]);
    expect(checkFileType('说明.txt', utf16).ok).toBe(true);
  });

  it('accepts a PDF with a little junk before its header, as readers do', () => {
    const bytes = Buffer.concat([Buffer.from('\r\n\r\n'), samples.pdf()]);
    expect(checkFileType('扫描件.pdf', bytes).ok).toBe(true);
  });

  it('refuses a program by its extension and names the file and the allowed types', () => {
    const check = checkFileType('工具.exe', samples.exe());
    expect(check.ok).toBe(false);
    expect(reason(check)).toContain('“工具.exe”');
    expect(reason(check)).toContain('.exe');
    expect(reason(check)).toContain('.pdf、.doc、.docx');
  });

  it('refuses a program renamed to .pdf, naming the file and the expected type', () => {
    const check = checkFileType('总结.pdf', samples.exe());
    expect(reason(check)).toBe('文件“总结.pdf”的内容不是PDF 文档,与扩展名 .pdf 不符;请确认文件未损坏,或用原软件另存为正确格式后重新上传');
  });

  it.each([
    ['a plain ZIP renamed to .docx', '总结.docx', samples.plainZip()],
    ['a Word document renamed to .xlsx', '台账.xlsx', samples.docx()],
    ['a PNG renamed to .jpg', '现场.jpg', samples.png()],
    ['a PDF renamed to .png', '现场.png', samples.pdf()],
    ['a program renamed to .txt', '说明.txt', samples.exe()],
    ['a PDF renamed to .doc', '总结.doc', samples.pdf()],
    ['a ZIP that is not an OFD document', '批复.ofd', samples.plainZip()],
    ['a truncated .docx', '总结.docx', samples.docx().subarray(0, 40)],
  ])('refuses %s', (_what, name, bytes) => {
    const check = checkFileType(name, bytes);
    expect(check.ok).toBe(false);
    expect(reason(check)).toContain(`“${name}”`);
    expect(reason(check)).toContain('不符');
  });

  it('refuses an empty file, a name without extension and a nameless file', () => {
    expect(reason(checkFileType('空.pdf', new Uint8Array()))).toBe('文件“空.pdf”是空文件');
    expect(reason(checkFileType('总结', samples.pdf()))).toContain('没有扩展名');
    expect(reason(checkFileType('C:\\fakepath\\', samples.pdf()))).toBe('上传的文件没有文件名');
  });

  it('takes the list of allowed extensions from the caller', () => {
    expect(checkFileType('现场.png', samples.png(), ['pdf', 'doc', 'docx']).ok).toBe(false);
    expect(reason(checkFileType('现场.png', samples.png(), ['pdf']))).toContain('只接受 .pdf 文件');
    expect(checkFileType('方案.pdf', samples.pdf(), ['pdf']).ok).toBe(true);
  });

  it('judges a double extension by the last one', () => {
    expect(checkFileType('总结.pdf.exe', samples.pdf()).ok).toBe(false);
    expect(checkFileType('总结.exe.pdf', samples.exe()).ok).toBe(false);
    expect(checkFileType('总结.exe.pdf', samples.pdf()).ok).toBe(true);
  });
});

describe('file names', () => {
  it('drops the folder a browser sends and control characters', () => {
    expect(cleanFileName('C:\\fakepath\\工作 总结.pdf')).toBe('工作 总结.pdf');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName(' 总\u0000结\n.pdf ')).toBe('总结.pdf');
  });

  it('reads the extension in lower case, and none for dotfiles or a trailing dot', () => {
    expect(extensionOf('A.PDF')).toBe('pdf');
    expect(extensionOf('.pdf')).toBe('');
    expect(extensionOf('总结.')).toBe('');
  });
});

describe('zipEntryNames', () => {
  it('lists the entries of an archive with Chinese names', () => {
    expect(zipEntryNames(zipOf({ '材料/总结.txt': '1', 'b.txt': '2' }))).toEqual(['材料/总结.txt', 'b.txt']);
  });

  it('gives null for bytes that are not a whole archive', () => {
    expect(zipEntryNames(samples.pdf())).toBeNull();
    expect(zipEntryNames(samples.docx().subarray(0, 60))).toBeNull();
  });
});
