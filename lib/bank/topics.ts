/** Topic vocabulary shared by questions, tasks and the list's filter. */
export const TOPICS = [
  'clustering',
  'dimensionality-reduction',
  'association-rules',
  'generative-models',
  'attention',
  'sequence-models',
  'graph-neural-networks',
  'convolutional-networks',
] as const;

export type Topic = (typeof TOPICS)[number];

export const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;
export const PROBLEM_KINDS = ['concept', 'coding'] as const;
export const PROBLEM_STATUSES = ['solved', 'attempted', 'new'] as const;

export type ProblemKind = (typeof PROBLEM_KINDS)[number];
export type ProblemStatus = (typeof PROBLEM_STATUSES)[number];
