import { DIFFICULTIES, PROBLEM_KINDS, PROBLEM_STATUSES, TOPICS, type ProblemKind, type ProblemStatus, type Topic } from './topics';

export const SEARCH_MAX_LENGTH = 100;

/** Filters of the problem list, read from and written to the page's query string. */
export interface ProblemFilters {
  topic?: Topic;
  kind?: ProblemKind;
  difficulty?: (typeof DIFFICULTIES)[number];
  status?: ProblemStatus;
  /** Only the viewer's bookmarked concept questions (coding tasks cannot be bookmarked). */
  bookmarked?: boolean;
  q?: string;
}

type SearchParams = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function oneOf<T extends string>(allowed: readonly T[], value: string | undefined): T | undefined {
  return allowed.find((item) => item === value);
}

/**
 * Reads filters from a query string. Unknown values are dropped rather than rejected, so an old
 * or hand-edited link still opens the list.
 */
export function parseProblemFilters(params: SearchParams): ProblemFilters {
  const q = first(params.q)?.trim().slice(0, SEARCH_MAX_LENGTH);
  return {
    topic: oneOf(TOPICS, first(params.topic)),
    kind: oneOf(PROBLEM_KINDS, first(params.kind)),
    difficulty: oneOf(DIFFICULTIES, first(params.difficulty)),
    status: oneOf(PROBLEM_STATUSES, first(params.status)),
    bookmarked: first(params.bookmarked) === '1' ? true : undefined,
    q: q ? q : undefined,
  };
}

/** Writes filters back to a query string, leaving out empty ones. */
export function problemFiltersToQuery(filters: ProblemFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value === true) params.set(key, '1');
    else if (value) params.set(key, value);
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}
