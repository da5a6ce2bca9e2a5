import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { requirePageRole, viewerHasRole } from '@/lib/auth/page-guards';
import { db } from '@/lib/db/client';
import { listUsers } from '@/lib/users/list-users';
import { RoleForm } from './role-form';

export async function generateMetadata(): Promise<Metadata> {
  if (!(await viewerHasRole(['admin']))) return {};
  return { title: (await getTranslations('admin'))('title') };
}

/** Admins: every account with its role, which they can change for anyone but themselves. */
export default async function UsersPage() {
  const admin = await requirePageRole(['admin'], '/admin/users');
  const users = await listUsers(db(), admin);
  const t = await getTranslations('admin');
  const roles = await getTranslations('roles');
  const format = await getFormatter();

  return (
    <div>
      <h1>{t('title')}</h1>
      <p className="muted">{t('lead')}</p>
      <div className="table-scroll">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('name')}</th>
              <th scope="col">{t('email')}</th>
              <th scope="col">{t('joined')}</th>
              <th scope="col">{t('activity')}</th>
              <th scope="col">{t('role')}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id}>
                <td>{user.name}</td>
                <td>{user.email}</td>
                <td>{format.dateTime(user.createdAt, { dateStyle: 'medium' })}</td>
                <td>{t('activityCounts', { submissions: user.submissions, answers: user.answers })}</td>
                <td>{user.id === admin.id ? roles(user.role) : <RoleForm userId={user.id} role={user.role} userName={user.name} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
