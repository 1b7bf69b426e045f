/** Worksheet names Excel accepts: at most 31 characters, none of \ / ? * [ ] :, unique in the workbook (case-insensitive). */

const MAX_LENGTH = 31;

export class SheetNames {
  private readonly used = new Set<string>();

  /** A valid, unused name as close to `wanted` as possible. */
  take(wanted: string): string {
    const clean =
      wanted
        .replace(/[\\/?*[\]:]/g, ' ')
        .replace(/^'+|'+$/g, '')
        .trim() || '表';
    let name = clean.slice(0, MAX_LENGTH);
    for (let n = 2; this.used.has(name.toLowerCase()); n++) {
      const suffix = `(${n})`;
      name = clean.slice(0, MAX_LENGTH - suffix.length) + suffix;
    }
    this.used.add(name.toLowerCase());
    return name;
  }
}
