/** A fingerprint of everything an import may touch, to prove that a refused import changed nothing. */
import { openApp } from '../../src/app/context.js';

export async function snapshot(db: string): Promise<string> {
  const app = await openApp(db);
  try {
    const values = await app.db
      .selectFrom('data_value')
      .select([
        'indicator_code',
        'org_unit_code',
        'year',
        'sex',
        'area',
        'age_group',
        'value',
        'numerator',
        'denominator',
        'source',
        'note',
        'updated_at',
      ])
      .orderBy('id')
      .execute();
    const history = await app.db.selectFrom('data_value_history').selectAll().orderBy('id').execute();
    const imports = await app.db.selectFrom('import_batch').selectAll().orderBy('id').execute();
    return JSON.stringify({ values, history, imports });
  } finally {
    await app.close();
  }
}

export async function query<T>(db: string, body: (app: Awaited<ReturnType<typeof openApp>>) => Promise<T>): Promise<T> {
  const app = await openApp(db);
  try {
    return await body(app);
  } finally {
    await app.close();
  }
}
