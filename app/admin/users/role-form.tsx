'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { changeRoleAction } from '@/app/actions/change-role';
import type { ActionResult } from '@/lib/http/action-result';

const ROLES = ['candidate', 'interviewer', 'admin'] as const;

export function RoleForm({ userId, role, userName }: { userId: string; role: string; userName: string }) {
  const t = useTranslations('admin');
  const roles = useTranslations('roles');
  const [state, action, pending] = useActionState<ActionResult | null, FormData>(changeRoleAction, null);

  return (
    <form action={action} className="inline-form">
      <input type="hidden" name="userId" value={userId} />
      <label>
        <span className="visually-hidden">{t('roleOf', { name: userName })}</span>
        <select name="role" defaultValue={role}>
          {ROLES.map((option) => (
            <option key={option} value={option}>
              {roles(option)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="button button-small" disabled={pending}>
        {t('save')}
      </button>
      {state && !state.ok && (
        <span className="field-error" role="alert">
          {state.message}
        </span>
      )}
      {state?.ok && (
        <span className="form-success" role="status">
          {t('saved')}
        </span>
      )}
    </form>
  );
}
