import { painter, table } from './format';
import { parseArgs } from './parse-args';

type Status = 'ready' | 'coming soon' | 'not in this judge';

/** Returns the slugs this judge grades, or none when the registry does not load because a task module is missing. */
async function judgedSlugs(): Promise<Set<string>> {
  try {
    const { taskRegistry } = await import('../tasks/registry');
    const { trainingTaskRegistry } = await import('../tasks/training-registry');
    return new Set([...taskRegistry.keys(), ...trainingTaskRegistry.keys()]);
  } catch (error) {
    process.stderr.write(`warning: the task registry failed to load, so no task is listed as judged: ${error instanceof Error ? error.message : String(error)}\n`);
    return new Set();
  }
}

/** `holdout tasks`: lists every task part with its title and whether this judge grades it. */
export async function tasksCommand(args: string[]): Promise<number> {
  const parsed = parseArgs(args, ['json'], []);
  const { taskCatalog } = await import('../tasks/catalog');
  const judged = await judgedSlugs();
  const statusOf = (slug: string, ready: boolean): Status => (!ready ? 'coming soon' : judged.has(slug) ? 'ready' : 'not in this judge');

  if (parsed.flags.has('json')) {
    const tasks = taskCatalog.map((task) => ({ slug: task.slug, part: task.part, version: task.version, status: statusOf(task.slug, task.ready), title: task.title }));
    process.stdout.write(`${JSON.stringify(tasks)}\n`);
    return 0;
  }
  const paint = painter(process.stdout);
  const statuses = taskCatalog.map((task) => statusOf(task.slug, task.ready));
  const rows = taskCatalog.map((task, index) => [task.slug, task.part, statuses[index], `${task.title.en} / ${task.title['zh-CN']}`]);
  const [header, ...body] = table(['SLUG', 'PART', 'STATUS', 'TITLE'], rows);
  const lines = [paint('dim', header), ...body.map((line, index) => (statuses[index] === 'ready' ? line : paint('dim', line)))];
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
