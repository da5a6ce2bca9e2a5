'use server';

import { revalidatePath } from 'next/cache';
import { getLocale } from 'next-intl/server';
import { saveSelfCheck } from '@/lib/answers/save-self-check';
import { submitConceptAnswer } from '@/lib/answers/submit-concept-answer';
import { requireUser } from '@/lib/auth/require-user';
import { db } from '@/lib/db/client';
import { actionFailure, type ActionResult } from '@/lib/http/action-result';
import { DEFAULT_LOCALE, isLocale } from '@/lib/i18n/locales';

async function failure(error: unknown, action: string): Promise<ActionResult> {
  const locale = await getLocale();
  return actionFailure(error, isLocale(locale) ? locale : DEFAULT_LOCALE, action);
}

/** Stores an answer to the concept question `slug`; the page then shows the self-check that reveals the reference answer. */
export async function submitAnswerAction(slug: string, _previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  try {
    const user = await requireUser();
    await submitConceptAnswer(db(), user, { slug, body: form.get('body') });
  } catch (error) {
    return failure(error, 'submit-answer');
  }

  revalidatePath(`/questions/${slug}`);
  return { ok: true };
}

/** Saves which rubric key points the author's answer covers. */
export async function saveSelfCheckAction(slug: string, answerId: string, _previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  try {
    const user = await requireUser();
    const covered = form.getAll('covered').map((value) => Number(value));
    await saveSelfCheck(db(), user, { answerId, covered });
  } catch (error) {
    return failure(error, 'save-self-check');
  }

  revalidatePath(`/questions/${slug}`);
  return { ok: true };
}
