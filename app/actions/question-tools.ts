'use server';

import { revalidatePath } from 'next/cache';
import { getLocale } from 'next-intl/server';
import { requireUser } from '@/lib/auth/require-user';
import { db } from '@/lib/db/client';
import { actionFailure, type ActionResult } from '@/lib/http/action-result';
import { DEFAULT_LOCALE, isLocale } from '@/lib/i18n/locales';
import { saveQuestionNote } from '@/lib/questions/save-question-note';
import { setBookmark } from '@/lib/questions/set-bookmark';

async function failure(error: unknown, action: string): Promise<ActionResult> {
  const locale = await getLocale();
  return actionFailure(error, isLocale(locale) ? locale : DEFAULT_LOCALE, action);
}

/** Bookmarks the concept question `slug` for the signed-in user, or removes the bookmark. */
export async function setBookmarkAction(slug: string, bookmarked: boolean): Promise<ActionResult> {
  try {
    const user = await requireUser();
    await setBookmark(db(), user, { slug, bookmarked: bookmarked === true });
  } catch (error) {
    return failure(error, 'set-bookmark');
  }

  revalidatePath(`/questions/${slug}`);
  revalidatePath('/problems');
  return { ok: true };
}

/** Saves the signed-in user's private note on the concept question `slug`; an empty note deletes it. */
export async function saveNoteAction(slug: string, _previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  try {
    const user = await requireUser();
    await saveQuestionNote(db(), user, { slug, body: form.get('body') });
  } catch (error) {
    return failure(error, 'save-note');
  }

  revalidatePath(`/questions/${slug}`);
  return { ok: true };
}
