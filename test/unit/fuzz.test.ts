// A bounded fuzz campaign against the CLI's commands: mutated drafts (fixed seed) never crash, hang or print a trace.
// `npm test` runs a few hundred drafts in all; `npm run fuzz` runs the long campaign (FUZZ_RUNS per command).
import fc from 'fast-check';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { packageProblem } from './soundPackage';

const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
/** A run slower than this is a hang: a guard against the campaign's worst finding, not a speed measure. */
const HANG_MS = Number(process.env.FUZZ_HANG_MS ?? 20_000);

const fixtures = join(__dirname, '..', 'fixtures');
const seeds = readdirSync(fixtures).filter((f) => f.endsWith('.draft.md')).map((f) => readFileSync(join(fixtures, f), 'utf8'));
const dir = mkdtempSync(join(tmpdir(), 'ro-fuzz-'));
const failures = join(__dirname, '..', '..', 'test-artifacts');
mkdirSync(failures, { recursive: true });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What a hostile or careless edit puts into a draft: the marks' pieces, Markdown's, git's, and bytes that are not text. */
const SNIPPETS = ['{++', '++}', '{--', '--}', '{~~', '~>', '~~}', '{==', '==}', '{>>', '<<}', '{>>@abcd1234<<}', '{>>@abcd1234 | A (B) | 2026-13-45T99:99:99Z | x<<}',
  '```', '~~~', '\n---\n', '---', '<<<<<<< a\n', '=======\n', '>>>>>>> b\n', '||||||| base\n', '> ', '- ', '1. ', '#### ', '{#untoc-99}', '{#drugs-5}', '{.gaps}',
  '`', '**', '_', '<!--', '-->', '<b>', '[^1]', '[^1]: note', '| a | b |\n|---|---|\n', '\u0000', '\u001b]0;x\u0007', '\ufeff', '\r\n', '\r', '\u2028', '\ud800', '😀', 'جريمة',
  'article 44 of the Convention', '第99条', 'l’article 5 de la Convention', 'статьи 5 Конвенции', 'review-start: 2021-02-30\n', 'party-to: [drugs]\n', '"\\uFFFE"'];

interface Mutation { at: number; kind: 'insert' | 'delete' | 'repeat' | 'truncate'; snippet: number; n: number }
const mutation = fc.record({ at: fc.nat(1_000_000), kind: fc.constantFrom<Mutation['kind']>('insert', 'insert', 'insert', 'delete', 'repeat', 'truncate'), snippet: fc.nat(SNIPPETS.length - 1), n: fc.integer({ min: 1, max: 400 }) });
const draft = fc.record({ seed: fc.nat(seeds.length - 1), muts: fc.array(mutation, { minLength: 1, maxLength: 8 }) }).map(({ seed, muts }) => {
  let t = seeds[seed]!;
  for (const m of muts) {
    const at = m.at % (t.length + 1);
    if (m.kind === 'insert') t = t.slice(0, at) + SNIPPETS[m.snippet]! + t.slice(at);
    else if (m.kind === 'delete') t = t.slice(0, at) + t.slice(at + m.n);
    else if (m.kind === 'repeat') t = t.slice(0, at) + SNIPPETS[m.snippet]!.repeat(m.n) + t.slice(at);
    else t = t.slice(0, at);
  }
  return t;
});

let file = 0;
async function run(args: (f: string) => string[], text: string, second?: string) {
  const f = `d${++file}.md`;
  writeFileSync(join(dir, f), text);
  if (second !== undefined) writeFileSync(join(dir, `c${file}.md`), second);
  const out: string[] = [], err: string[] = [];
  const t0 = performance.now();
  let code: number;
  try { code = await main(args(f), { out: (s) => out.push(s), err: (s) => err.push(s), cwd: dir }); } catch (e) { code = -1; err.push(`THREW ${(e as Error).stack}`); }
  return { code, ms: performance.now() - t0, out: out.join('\n'), err: err.join('\n'), file: f };
}

/** A command either succeeds, reports findings (1) or refuses with a message (2): never a throw, a trace or a hang. */
function expectSane(r: Awaited<ReturnType<typeof run>>, text: string) {
  const where = `on ${JSON.stringify(text.slice(0, 200))}…`;
  expect([0, 1, 2], `${r.err} ${where}`).toContain(r.code);
  expect(r.err, where).not.toMatch(/^\s+at .+:\d+:\d+\)?$|THREW|\[object Object\]|undefined is not|Maximum call stack|Invalid time value|overlapping edits/m);
  expect(r.ms, `a hang (${Math.round(r.ms)} ms) ${where}`).toBeLessThan(HANG_MS);
}

/** What a command that succeeded wrote must be sound too: for the exports, a package Word opens. */
type Written = (f: string) => string;
const commands: [string, (f: string) => string[], boolean?, Written?][] = [
  ['check', (f) => ['check', f]],
  ['check --format sarif', (f) => ['check', f, '--format', 'sarif']],
  ['comments', (f) => ['comments', f]],
  ['status', (f) => ['status', f]],
  ['export', (f) => ['export', f, '-o', `${f}.docx`, '--force'], false, (f) => `${f}.docx`],
  ['export --clean', (f) => ['export', f, '--clean', '--force', '-o', `${f}.clean.docx`], false, (f) => `${f}.clean.docx`],
  ['new --from', (f) => ['new', '--from', f, '-o', `${f}.summary.md`, '--force']],
  ['diff --as-suggestions', (f) => ['diff', f, f.replace(/^d/, 'c'), '--as-suggestions', '--author', 'Li (C)', '-o', `${f}.merged.md`, '--force'], true],
];

describe(`fuzzing the CLI (${RUNS} mutated drafts per command, seed ${SEED})`, () => {
  for (const [name, args, two, written] of commands) {
    it(name, async () => {
      const pairs: fc.Arbitrary<[string, string | undefined]> = two ? fc.tuple(draft, draft) : draft.map((d): [string, string | undefined] => [d, undefined]);
      for (const [text, second] of fc.sample(pairs, { numRuns: RUNS, seed: SEED + name.length })) {
        const r = await run(args, text, second);
        // Let the test runner's own messages through between runs: a long campaign must not starve it.
        await new Promise((done) => setImmediate(done));
        // The input that failed is kept beside the others, to reproduce it with the command shown.
        try {
          expectSane(r, text);
          if (written && r.code === 0) expect(await packageProblem(readFileSync(join(dir, written(r.file)))), `the package written ${JSON.stringify(text.slice(0, 200))}…`).toBeNull();
        } catch (e) { writeFileSync(join(failures, `${name.replace(/\W+/g, '-')}-${r.file}`), text); throw new Error(`${(e as Error).message}\n(input kept in ${join(failures, `${name.replace(/\W+/g, '-')}-${r.file}`)})`); }
      }
    }, Math.max(120_000, RUNS * HANG_MS));
  }
});
