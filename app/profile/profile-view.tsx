import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { ScrollBox } from '@/components/scroll-box';
import { VerdictBadge } from '@/components/verdict-badge';
import type { ProfileView as Profile } from '@/lib/profile/get-profile';
import { TopicChart } from './topic-chart';

/** Renders the read-only progress page: totals, a chart and a table by topic, and recent activity. */
export async function ProfileView({ profile }: { profile: Profile }) {
  const t = await getTranslations('profile');
  const topics = await getTranslations('topics');
  const parts = await getTranslations('task.parts');
  const roles = await getTranslations('roles');
  const format = await getFormatter();
  const { totals } = profile;
  const rate = totals.acceptedRate === null ? '—' : format.number(totals.acceptedRate, { style: 'percent', maximumFractionDigits: 0 });

  return (
    <div className="profile">
      <h1>{profile.isOwn ? t('title') : t('titleOf', { name: profile.user.name })}</h1>
      <p className="muted">
        {!profile.isOwn && `${roles(profile.user.role)} · `}
        {t('joined', { date: format.dateTime(new Date(profile.user.joinedAt), { dateStyle: 'medium' }) })}
        {!profile.isOwn && ` · ${t('readOnly')}`}
      </p>

      <section aria-labelledby="totals-heading">
        <h2 id="totals-heading" className="visually-hidden">
          {t('totals')}
        </h2>
        <dl className="stat-tiles">
          <div className="stat-tile">
            <dt>{t('tasksSolved')}</dt>
            <dd>{t('outOf', { value: totals.tasksSolved, total: totals.tasksTotal })}</dd>
          </div>
          <div className="stat-tile">
            <dt>{t('questionsSolved')}</dt>
            <dd>{t('outOf', { value: totals.questionsSolved, total: totals.questionsTotal })}</dd>
          </div>
          <div className="stat-tile">
            <dt>{t('attempts')}</dt>
            <dd>{totals.submissions}</dd>
          </div>
          <div className="stat-tile">
            <dt>{t('acceptedRate')}</dt>
            <dd>{rate}</dd>
          </div>
          <div className="stat-tile">
            <dt>{t('answers')}</dt>
            <dd>{totals.answers}</dd>
          </div>
        </dl>
        <p className="hint">{t('rateExplain', { accepted: totals.acceptedSubmissions, judged: totals.judged })}</p>
      </section>

      <section className="card" aria-labelledby="topics-heading">
        <h2 id="topics-heading">{t('byTopic')}</h2>
        <TopicChart topics={profile.topics} />
        <ScrollBox label={t('byTopic')}>
          <table className="table topic-table">
            <caption className="visually-hidden">{t('byTopic')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('topic')}</th>
                <th scope="col">{t('tasks')}</th>
                <th scope="col">{t('questions')}</th>
                <th scope="col">{t('attempts')}</th>
                <th scope="col">{t('acceptedSubmissions')}</th>
              </tr>
            </thead>
            <tbody>
              {profile.topics.map((topic) => (
                <tr key={topic.topic}>
                  <th scope="row">{topics.has(topic.topic) ? topics(topic.topic) : topic.topic}</th>
                  <td>{t('outOf', { value: topic.tasksSolved, total: topic.tasksTotal })}</td>
                  <td>{t('outOf', { value: topic.questionsSolved, total: topic.questionsTotal })}</td>
                  <td>{topic.attempts}</td>
                  <td>{topic.acceptedSubmissions}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      </section>

      <section className="card" aria-labelledby="recent-heading">
        <h2 id="recent-heading">{t('recent')}</h2>
        {profile.recent.length === 0 ? (
          <p className="empty">{t('noActivity')}</p>
        ) : (
          <ol className="activity">
            {profile.recent.map((item) => (
              <li key={`${item.kind}-${item.id}`}>
                <time dateTime={item.at} className="muted">
                  {format.dateTime(new Date(item.at), { dateStyle: 'short', timeStyle: 'short' })}
                </time>{' '}
                {item.kind === 'submission' ? (
                  <>
                    {t('submitted')} <Link href={`/tasks/${item.taskSlug}`}>{item.taskTitle}</Link>
                    {item.part !== 'main' && <span className="muted"> · {parts(item.part)}</span>}{' '}
                    <Link href={`/submissions/${item.id}`} className="activity-verdict">
                      <VerdictBadge verdict={item.verdict} status={item.status} />
                    </Link>
                  </>
                ) : (
                  <>
                    {t('answered')} <Link href={`/questions/${item.questionSlug}`}>{item.questionTitle}</Link>{' '}
                    <span className="muted">
                      {item.selfChecked ? t('selfChecked', { covered: item.covered, total: item.keyPoints }) : t('notSelfChecked')}
                    </span>
                  </>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
