/** Every migration, in order. Names are timestamps so that they sort. */
import type { Migration } from 'kysely';
import * as initial from './2026_11_29_0001_initial.js';
import * as planHistory from './2026_11_29_0002_plan_history.js';
import * as web from './2026_11_29_0003_web.js';
import * as publication from './2026_11_29_0004_publication.js';
import * as figureStore from './2026_11_29_0005_figure_store.js';
import * as authentication from './2026_12_04_0002_authentication.js';

export const migrations: Record<string, Migration> = {
  '2026_11_29_0001_initial': initial,
  '2026_11_29_0002_plan_history': planHistory,
  '2026_11_29_0003_web': web,
  '2026_11_29_0004_publication': publication,
  '2026_11_29_0005_figure_store': figureStore,
  '2026_12_04_0002_authentication': authentication,
};
