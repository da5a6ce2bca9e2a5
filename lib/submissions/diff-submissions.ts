import { diffLines } from 'diff';
import { isReviewer } from '../auth/require-user';
import type { SessionUser } from '../auth/session-user';
import type { Database } from '../db/client';
import { AppError } from '../errors/app-error';
import type { Verdict } from '../generated/prisma/enums';

/** One row of a line diff. Unchanged runs far from any change are folded into one 'skipped' row. */
export type DiffRow =
  | { kind: 'context' | 'added' | 'removed'; oldNumber: number | null; newNumber: number | null; text: string }
  | { kind: 'skipped'; count: number };

export interface DiffSide {
  id: string;
  createdAt: string;
  verdict: Verdict | null;
  score: number | null;
}

export interface SubmissionDiff {
  from: DiffSide;
  to: DiffSide;
  rows: DiffRow[];
  added: number;
  removed: number;
  /** True when the line diff took too long and the result shows every line as replaced. */
  approximate: boolean;
}

/** Unchanged lines kept around each change, as `git diff` does. */
const CONTEXT_LINES = 3;
/** Bounds the diff's CPU time for two unrelated 64 KiB sources; longer diffs fall back to "all replaced". */
const DIFF_TIMEOUT_MS = 1000;

function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/** Unix line endings and a final newline, so that neither shows up as a changed line. */
function normalize(code: string): string {
  const unix = code.replace(/\r\n?/g, '\n');
  return unix === '' || unix.endsWith('\n') ? unix : `${unix}\n`;
}

function foldContext(rows: Extract<DiffRow, { kind: 'context' | 'added' | 'removed' }>[]): DiffRow[] {
  const keep = rows.map(() => false);
  rows.forEach((row, index) => {
    if (row.kind === 'context') return;
    for (let near = Math.max(0, index - CONTEXT_LINES); near <= Math.min(rows.length - 1, index + CONTEXT_LINES); near++) keep[near] = true;
  });

  const folded: DiffRow[] = [];
  let skipped = 0;
  rows.forEach((row, index) => {
    if (row.kind !== 'context' || keep[index]) {
      if (skipped > 0) folded.push({ kind: 'skipped', count: skipped });
      skipped = 0;
      folded.push(row);
    } else {
      skipped++;
    }
  });
  if (skipped > 0) folded.push({ kind: 'skipped', count: skipped });
  return folded;
}

/** Computes the line diff from `before` to `after`, with line numbers on both sides. */
export function diffCode(before: string, after: string): Pick<SubmissionDiff, 'rows' | 'added' | 'removed' | 'approximate'> {
  const oldText = normalize(before);
  const newText = normalize(after);
  const computed = diffLines(oldText, newText, { timeout: DIFF_TIMEOUT_MS });
  const approximate = computed === undefined;
  const changes = computed ?? [
    { value: oldText, added: false, removed: true, count: 0 },
    { value: newText, added: true, removed: false, count: 0 },
  ];

  const rows: Extract<DiffRow, { kind: 'context' | 'added' | 'removed' }>[] = [];
  let oldNumber = 1;
  let newNumber = 1;
  let added = 0;
  let removed = 0;
  for (const change of changes) {
    for (const text of splitLines(change.value)) {
      if (change.added) {
        rows.push({ kind: 'added', oldNumber: null, newNumber: newNumber++, text });
        added++;
      } else if (change.removed) {
        rows.push({ kind: 'removed', oldNumber: oldNumber++, newNumber: null, text });
        removed++;
      } else {
        rows.push({ kind: 'context', oldNumber: oldNumber++, newNumber: newNumber++, text });
      }
    }
  }
  return { rows: foldContext(rows), added, removed, approximate };
}

/**
 * Diffs the code of two submissions, `from` (older) to `to`. Both must belong to the viewer, or the
 * viewer must be an interviewer or admin. Otherwise AppError('not_found') is raised, exactly as for a
 * missing id, so the response reveals nothing about other users' submissions.
 */
export async function diffSubmissions(database: Database, viewer: SessionUser, input: { from: unknown; to: unknown }): Promise<SubmissionDiff> {
  if (typeof input.from !== 'string' || typeof input.to !== 'string' || input.from === '' || input.to === '') {
    throw new AppError('invalid_input', { internal: 'diff without two submission ids', fields: { form: 'diff_ids_missing' } });
  }

  const ids = [input.from, input.to];
  const rows = await database.submission.findMany({
    where: { id: { in: ids }, ...(isReviewer(viewer) ? {} : { userId: viewer.id }) },
    select: { id: true, code: true, createdAt: true, verdict: true, score: true },
  });
  const from = rows.find((row) => row.id === input.from);
  const to = rows.find((row) => row.id === input.to);
  if (!from || !to) throw new AppError('not_found', { internal: `diff of ${ids.join(', ')} for viewer ${viewer.id}` });

  const side = (row: typeof from): DiffSide => ({ id: row.id, createdAt: row.createdAt.toISOString(), verdict: row.verdict, score: row.score });
  return { from: side(from), to: side(to), ...diffCode(from.code, to.code) };
}
