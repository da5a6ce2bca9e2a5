'use client';

import { useTranslations } from 'next-intl';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { TopicStats } from '@/lib/profile/get-profile';

/** Solved and remaining problems per topic as stacked bars; the table next to it has the same numbers. */
export function TopicChart({ topics }: { topics: TopicStats[] }) {
  const t = useTranslations('profile');
  const names = useTranslations('topics');
  const data = topics.map((topic) => ({
    topic: names.has(topic.topic) ? names(topic.topic) : topic.topic,
    solved: topic.tasksSolved + topic.questionsSolved,
    open: topic.tasksTotal + topic.questionsTotal - topic.tasksSolved - topic.questionsSolved,
  }));

  return (
    <div className="chart-box topic-chart" aria-hidden="true">
      <ResponsiveContainer width="100%" height={Math.max(220, 34 * data.length + 60)}>
        <BarChart data={data} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 8 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke="var(--border)" />
          <XAxis type="number" allowDecimals={false} tick={{ fontSize: 11, fill: 'var(--muted)' }} />
          <YAxis type="category" dataKey="topic" width={150} tick={{ fontSize: 12, fill: 'var(--text)' }} />
          <Tooltip />
          <Legend />
          <Bar dataKey="solved" name={t('solved')} stackId="problems" fill="var(--ok)" isAnimationActive={false} />
          <Bar dataKey="open" name={t('open')} stackId="problems" fill="var(--chart-muted)" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
