import type { Random } from '../../../data/random';
import type { TrainingDataset } from '../../training-types';

/**
 * A small synthetic language. Every sentence has seven words:
 *
 *   determiner adjective noun verb determiner adjective noun
 *
 * - The determiner gives the noun's number: "a" for singular, "two" for plural.
 * - Each noun lemma has its own adjective ("furry" only goes with cat), so the adjective names the
 *   lemma and the lemma names the adjective.
 * - The verb agrees in number with the subject (the first noun) and selects the class of the
 *   object: "eats" takes food, "chases" takes an animal, "uses" takes a tool.
 *
 * With one word masked, the other six determine it. Some words can only be inferred from the
 * right-hand context (a masked determiner from its noun). A masked verb needs both sides: the
 * subject's number on the left and the object's class on the right.
 *
 * Token 0 is the mask token in every dataset. The 35 words get the ids 1 … 35 in an order that
 * each dataset draws at random, so a model has to learn the language from the training sentences
 * rather than from this file.
 */

interface Lemma {
  singular: string;
  plural: string;
  adjective: string;
}

const CLASSES: Record<'animal' | 'food' | 'tool', Lemma[]> = {
  animal: [
    { singular: 'cat', plural: 'cats', adjective: 'furry' },
    { singular: 'dog', plural: 'dogs', adjective: 'loyal' },
    { singular: 'bird', plural: 'birds', adjective: 'noisy' },
  ],
  food: [
    { singular: 'apple', plural: 'apples', adjective: 'ripe' },
    { singular: 'loaf', plural: 'loaves', adjective: 'fresh' },
    { singular: 'cake', plural: 'cakes', adjective: 'sweet' },
  ],
  tool: [
    { singular: 'pen', plural: 'pens', adjective: 'blue' },
    { singular: 'key', plural: 'keys', adjective: 'rusty' },
    { singular: 'hammer', plural: 'hammers', adjective: 'heavy' },
  ],
};

type NounClass = keyof typeof CLASSES;

const VERBS: { singular: string; plural: string; object: NounClass }[] = [
  { singular: 'eats', plural: 'eat', object: 'food' },
  { singular: 'chases', plural: 'chase', object: 'animal' },
  { singular: 'uses', plural: 'use', object: 'tool' },
];

export const MASK_WORD = '[MASK]';

/** The mask token and every word of the language, in a fixed order that datasets then permute. */
export const VOCABULARY: readonly string[] = [
  MASK_WORD,
  'a',
  'two',
  ...Object.values(CLASSES).flatMap((lemmas) => lemmas.flatMap((lemma) => [lemma.adjective, lemma.singular, lemma.plural])),
  ...VERBS.flatMap((verb) => [verb.singular, verb.plural]),
];

export const MASK_TOKEN_ID = 0;

export const SENTENCE_LENGTH = 7;

const wordIndex = (word: string) => VOCABULARY.indexOf(word);

export interface MaskedLmTrainInput {
  /** [n, 7] token ids of complete sentences, no masks. */
  sentences: number[][];
  vocabSize: number;
  maskTokenId: number;
}

export interface MaskedLmTestInput {
  /** [m, 7] sentences in which one word is replaced by maskTokenId. */
  sentences: number[][];
}

export interface MaskedLmDatasetShape {
  trainSize: number;
  testSize: number;
}

export const HIDDEN_SHAPE: MaskedLmDatasetShape = { trainSize: 3000, testSize: 1000 };

export const SAMPLE_SHAPE: MaskedLmDatasetShape = { trainSize: 600, testSize: 200 };

/**
 * Checks whether seven words form a sentence of the language: determiners that match their nouns'
 * number, adjectives that match their nouns, and a verb that agrees with the subject and selects
 * the object's class. Tests use it to check the generator.
 */
export function isGrammatical(words: readonly string[]): boolean {
  if (words.length !== SENTENCE_LENGTH) return false;
  const lemmas = Object.entries(CLASSES).flatMap(([nounClass, list]) => list.map((lemma) => ({ ...lemma, nounClass })));
  const phrase = (determiner: string, adjective: string, noun: string) => {
    const lemma = lemmas.find((entry) => entry.singular === noun || entry.plural === noun);
    if (lemma === undefined || lemma.adjective !== adjective) return null;
    const plural = noun === lemma.plural;
    return determiner === (plural ? 'two' : 'a') ? { plural, nounClass: lemma.nounClass } : null;
  };
  const subject = phrase(words[0], words[1], words[2]);
  const object = phrase(words[4], words[5], words[6]);
  const verb = VERBS.find((entry) => entry.singular === words[3] || entry.plural === words[3]);
  if (subject === null || object === null || verb === undefined) return false;
  return words[3] === (subject.plural ? verb.plural : verb.singular) && object.nounClass === verb.object;
}

/** Draws one sentence as indices into VOCABULARY, every choice uniform. */
export function drawSentence(random: Random): number[] {
  const phrase = (nounClass: NounClass, plural: boolean) => {
    const lemma = random.pick(CLASSES[nounClass]);
    return [plural ? 'two' : 'a', lemma.adjective, plural ? lemma.plural : lemma.singular];
  };
  const subjectPlural = random.int(0, 1) === 1;
  const verb = random.pick(VERBS);
  const words = [
    ...phrase(random.pick(Object.keys(CLASSES) as NounClass[]), subjectPlural),
    subjectPlural ? verb.plural : verb.singular,
    ...phrase(verb.object, random.int(0, 1) === 1),
  ];
  return words.map(wordIndex);
}

export function makeDataset(random: Random, shape: MaskedLmDatasetShape): TrainingDataset {
  // idOf[i] is the token id of VOCABULARY[i]; the mask token keeps id 0.
  const idOf = [MASK_TOKEN_ID, ...random.shuffle(Array.from({ length: VOCABULARY.length - 1 }, (_, i) => i + 1))];
  const draw = () => drawSentence(random).map((index) => idOf[index]);
  const trainSentences = Array.from({ length: shape.trainSize }, draw);
  const testSentences: number[][] = [];
  const testTargets: number[][] = [];
  for (let i = 0; i < shape.testSize; i++) {
    const sentence = draw();
    const position = random.int(0, SENTENCE_LENGTH - 1);
    testTargets.push([sentence[position]]);
    sentence[position] = MASK_TOKEN_ID;
    testSentences.push(sentence);
  }
  return {
    trainInput: { sentences: trainSentences, vocabSize: VOCABULARY.length, maskTokenId: MASK_TOKEN_ID },
    testInput: { sentences: testSentences },
    testTargets,
  };
}

/** Fraction of masked positions whose token is predicted correctly. */
export function evaluate(predictions: number[][], targets: number[][]): number {
  let correct = 0;
  let total = 0;
  targets.forEach((row, i) =>
    row.forEach((token, t) => {
      total++;
      if (predictions[i][t] === token) correct++;
    }),
  );
  return correct / total;
}
