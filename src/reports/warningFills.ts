/** Light fills for rows under a warning, as in the Excel writer (its "bad" and "neutral" fills), by RGB hex. */
const FILLS: Record<string, string> = {
  red: 'FFC7CE',
  yellow: 'FFEB9C',
};

/** The row fill for a table row's warning, or null when it is not coloured (green, none, unknown). */
export function warningFill(warning: string | undefined): string | null {
  return warning === undefined ? null : (FILLS[warning] ?? null);
}
