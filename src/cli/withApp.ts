/** Runs a command body with the database open, and always closes it. */
import type { Command } from 'commander';
import { type AppContext, openApp } from '../app/context.js';

export async function withApp<T>(command: Command, body: (app: AppContext) => Promise<T>): Promise<T> {
  const globals = command.optsWithGlobals<{ db?: string }>();
  const app = await openApp(globals.db);
  try {
    return await body(app);
  } finally {
    await app.close();
  }
}
