// Runs every folder under test/fixtures: input.txt holds one or more blocks separated
// by blank lines (each block is split on its own, like a paragraph of an article);
// output.json holds the expected sentences of all blocks, in order. A folder named
// `en-…`, `ru-…` or `de-…` is split by that language's rules, any other by the French.
// UPDATE=1 rewrites output.json from the current behaviour instead of comparing.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type SentenceRules, englishRules, frenchRules, germanRules, russianRules, splitSentences } from '../src/index.js';

const fixturesDirectory = fileURLToPath(new URL('./fixtures/', import.meta.url));
const updating = process.env.UPDATE === '1';

const fixtureNames = readdirSync(fixturesDirectory, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

const BLANK_LINE = /\n[^\S\n]*\n/;

const RULES_BY_PREFIX: Record<string, SentenceRules> = { en: englishRules, ru: russianRules, de: germanRules };

function rulesOf(name: string): SentenceRules {
  return RULES_BY_PREFIX[/^([a-z]{2})-/.exec(name)?.[1] ?? ''] ?? frenchRules;
}

function sentencesOf(input: string, rules: SentenceRules): string[] {
  return input
    .split(BLANK_LINE)
    .flatMap((block) => splitSentences(block, rules).map((range) => block.slice(range.start, range.end)));
}

describe('fixtures', () => {
  it('has fixtures to run', () => {
    expect(fixtureNames.length).toBeGreaterThan(0);
  });

  it.each(fixtureNames)('%s', (name) => {
    const folder = join(fixturesDirectory, name);
    const sentences = sentencesOf(readFileSync(join(folder, 'input.txt'), 'utf8'), rulesOf(name));
    const outputPath = join(folder, 'output.json');

    if (updating) {
      writeFileSync(outputPath, `${JSON.stringify(sentences, null, 2)}\n`);
      return;
    }
    expect(existsSync(outputPath), `${name}/output.json is missing; run with UPDATE=1`).toBe(true);
    expect(sentences).toEqual(JSON.parse(readFileSync(outputPath, 'utf8')));
  });
});
