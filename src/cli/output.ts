/** Where commands write; tests capture it instead of the process streams. */
export interface Output {
  write(text: string): void;
  error(text: string): void;
  /** Set by a command that finished but failed (an import with errors). */
  exitCode?: number;
}

export const processOutput: Output = {
  write: (text) => {
    process.stdout.write(text);
  },
  error: (text) => {
    process.stderr.write(text);
  },
};

export function line(out: Output, text = ''): void {
  out.write(`${text}\n`);
}

/** The user recorded with every change: --user, else CHILDPLAN_USER, else the login name. */
export function currentUser(option: string | undefined): string {
  return option ?? process.env.CHILDPLAN_USER ?? process.env.USER ?? process.env.USERNAME ?? 'cli';
}
