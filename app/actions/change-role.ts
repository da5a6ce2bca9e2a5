'use server';

import { revalidatePath } from 'next/cache';
import { getLocale } from 'next-intl/server';
import { requireRole } from '@/lib/auth/require-user';
import { db } from '@/lib/db/client';
import { actionFailure, type ActionResult } from '@/lib/http/action-result';
import { DEFAULT_LOCALE, isLocale } from '@/lib/i18n/locales';
import { logger } from '@/lib/log/logger';
import { changeUserRole } from '@/lib/users/change-user-role';

/** Sets a user's role from the admin page; only admins pass the check. */
export async function changeRoleAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  try {
    const admin = await requireRole(['admin']);
    const input = { userId: form.get('userId'), role: form.get('role') };
    await changeUserRole(db(), admin, input);
    logger.info({ actorId: admin.id, userId: input.userId, role: input.role }, 'role changed');
  } catch (error) {
    const locale = await getLocale();
    return actionFailure(error, isLocale(locale) ? locale : DEFAULT_LOCALE, 'change-role');
  }

  revalidatePath('/admin/users');
  return { ok: true };
}
