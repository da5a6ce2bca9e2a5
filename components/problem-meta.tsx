import { useTranslations } from 'next-intl';

/** Topic, difficulty and tags of a question or task. */
export function ProblemMeta({ topic, difficulty, tags }: { topic: string; difficulty: string; tags: string[] }) {
  const topics = useTranslations('topics');
  const difficulties = useTranslations('difficulty');
  return (
    <p className="problem-meta">
      <span className="chip">{topics.has(topic) ? topics(topic) : topic}</span>
      <span className={`chip difficulty-${difficulty}`}>{difficulties.has(difficulty) ? difficulties(difficulty) : difficulty}</span>
      {tags.map((tag) => (
        <span key={tag} className="tag">
          #{tag}
        </span>
      ))}
    </p>
  );
}
