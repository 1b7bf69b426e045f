/** A year and whether the public portal shows it (GET /api/publications). Types only, for the web app too. */

export interface YearPublication {
  year: number;
  published: boolean;
  publishedBy: string | null;
  publishedAt: string | null;
  /** Submissions of the year that are approved: only their values reach the public. */
  approved: number;
  /** Submissions still on their way (draft, submitted or reviewed): their values stay hidden. */
  pending: number;
}
