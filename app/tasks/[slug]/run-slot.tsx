import { useTranslations } from 'next-intl';
import { CustomRunPanel, type CustomRunPanelProps } from './custom-run-panel';

export type { CustomRunHandle } from './custom-run-panel';

/**
 * Place of the "run on my own input" panel, below Submit. Parts that implement a function get the
 * panel; training parts export train(), which runs only on the task's datasets, so they get a note.
 */
export function RunSlot({ part, ...panel }: CustomRunPanelProps & { part: string }) {
  const t = useTranslations('workspace');
  if (part === 'train') {
    return (
      <section className="run-slot" aria-labelledby="run-slot-title">
        <h3 id="run-slot-title">{t('runTitle')}</h3>
        <p className="hint">{t('runTrainingPart')}</p>
      </section>
    );
  }
  return <CustomRunPanel {...panel} />;
}
