// The patches `npm install` applies to the parser's and the Word writer's libraries (patches/, patch-package): applied, and changing nothing but the cost.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createRequire } from 'node:module';

interface EditMapLike { add(index: number, remove: number, add: unknown[]): void; consume(events: unknown[]): void }
type EditMapClass = new () => EditMapLike;

// micromark's own edit map (used by the document tokenizer for every list item and quote it closes) and the table
// extension's copy of it, in the builds Node and the bundler load and in the ones a "development" condition loads.
const MAPS: Record<string, () => Promise<EditMapClass>> = {
  'micromark-util-edit-map': async () => (await import('../../node_modules/micromark-util-edit-map/index.js')).EditMap,
  'micromark-util-edit-map (dev)': async () => (await import('../../node_modules/micromark-util-edit-map/dev/index.js')).EditMap,
  'micromark-extension-gfm-table': async () => (await import('../../node_modules/micromark-extension-gfm-table/lib/edit-map.js')).EditMap,
  'micromark-extension-gfm-table (dev)': async () => (await import('../../node_modules/micromark-extension-gfm-table/dev/lib/edit-map.js')).EditMap,
};

/** The edits as the map defines them: applied from the last index to the first, edits at one index joined in order. */
function reference(events: number[], edits: [number, number, number[]][]): number[] {
  const joined = new Map<number, [number, number[]]>();
  for (const [at, remove, add] of edits) {
    if (remove === 0 && add.length === 0) continue;
    const e = joined.get(at);
    if (e) { e[0] += remove; e[1].push(...add); } else joined.set(at, [remove, [...add]]);
  }
  const out = [...events];
  for (const [at, [remove, add]] of [...joined].sort((a, b) => b[0] - a[0])) out.splice(at, remove, ...add);
  return out;
}

describe('the parser libraries as patched', () => {
  for (const [name, load] of Object.entries(MAPS)) {
    it(`${name}: consuming edits near the end of a long list touches only its end`, async () => {
      const EditMap = await load();
      // Unpatched, every consume copied the whole list out and back: a section of 45,000 nested list lines took minutes.
      const base = Array.from({ length: 100_000 }, (_, i) => i);
      let writes = 0;
      const events = new Proxy(base, {
        set(target, key, value) { if (key !== 'length') writes++; return Reflect.set(target, key, value); },
      });
      const map = new EditMap();
      map.add(99_990, 0, [-1, -2]);
      map.add(99_995, 3, []);
      map.consume(events);
      expect(writes).toBeLessThan(50);
      expect(base.slice(99_985)).toEqual([99_985, 99_986, 99_987, 99_988, 99_989, -1, -2, 99_990, 99_991, 99_992, 99_993, 99_994, 99_998, 99_999]);
      expect(base.length).toBe(100_000 - 1);
    });

    it(`${name}: gives the same events as applying the edits one by one`, async () => {
      const EditMap = await load();
      const edit = (n: number) => fc.tuple(fc.nat(n), fc.nat(3), fc.array(fc.integer({ min: -99, max: -1 }), { maxLength: 3 }));
      fc.assert(fc.property(fc.integer({ min: 0, max: 40 }).chain((n) => fc.tuple(fc.constant(n), fc.array(edit(n), { maxLength: 6 }))), ([n, edits]) => {
        const events = Array.from({ length: n }, (_, i) => i);
        // An edit removes only events that exist, and no two edits overlap: as the tokenizer asks.
        const clean: [number, number, number[]][] = [];
        let free = 0;
        for (const [at, remove, add] of [...edits].sort((a, b) => a[0] - b[0])) {
          if (at < free || at + remove > n) continue;
          clean.push([at, remove, add]);
          free = at + remove + (remove ? 0 : 1);
        }
        const map = new EditMap();
        for (const [at, remove, add] of clean) map.add(at, remove, [...add]);
        map.consume(events);
        expect(events).toEqual(reference(Array.from({ length: n }, (_, i) => i), clean));
      }), { numRuns: 300 });
    });
  }
});

// micromark's merge of adjacent text data (its `resolver` for strings and text), in both builds.
type Ev = ['enter' | 'exit', { type: string; start: number; end: number }, unknown];
const RESOLVERS: Record<string, () => Promise<(events: Ev[], context: unknown) => Ev[]>> = {
  micromark: async () => (await import('../../node_modules/micromark/lib/initialize/text.js')).resolver.resolveAll as never,
  'micromark (dev)': async () => (await import('../../node_modules/micromark/dev/lib/initialize/text.js')).resolver.resolveAll as never,
};
/** The merge as micromark wrote it: each run of data events spliced out after its first token, which is extended. */
function spliced(events: Ev[]): Ev[] {
  let index = -1, enter: number | undefined;
  while (++index <= events.length) {
    if (enter === undefined) {
      if (events[index] && events[index]![1].type === 'data') { enter = index; index++; }
    } else if (!events[index] || events[index]![1].type !== 'data') {
      if (index !== enter + 2) { events[enter]![1].end = events[index - 1]![1].end; events.splice(enter + 2, index - enter - 2); index = enter + 2; }
      enter = undefined;
    }
  }
  return events;
}
/** Tokens one after another, each an enter and an exit event sharing the token, as the tokenizer gives them. */
function eventsOf(types: string[]): Ev[] {
  return types.flatMap((type, i) => { const token = { type, start: i, end: i + 1 }; return [['enter', token, null], ['exit', token, null]] as Ev[]; });
}
const flat = (events: Ev[]) => events.map(([kind, token]) => `${kind}:${token.type}:${token.start}-${token.end}`);

describe('micromark\'s merge of adjacent text, as patched', () => {
  for (const [name, load] of Object.entries(RESOLVERS)) {
    it(`${name}: merges each run of data into its first token, as splicing did`, async () => {
      const resolve = await load();
      fc.assert(fc.property(fc.array(fc.constantFrom('data', 'data', 'codeText', 'emphasis', 'lineEnding'), { maxLength: 30 }), (types) => {
        expect(flat(resolve(eventsOf(types), {}))).toEqual(flat(spliced(eventsOf(types))));
      }), { numRuns: 500 });
    });
    it(`${name}: a paragraph of many runs costs its length, not its length squared`, async () => {
      const resolve = await load();
      // 2,000 runs of two data tokens between code spans: splicing moved the rest of the list at every run.
      const base = eventsOf(Array.from({ length: 6_000 }, (_, i) => (i % 3 === 2 ? 'codeText' : 'data')));
      let writes = 0;
      const events = new Proxy(base, { set(target, key, value) { if (key !== 'length') writes++; return Reflect.set(target, key, value); } });
      resolve(events, {});
      expect(writes).toBeLessThan(3 * 12_000);
      expect(base.length).toBe(8_000);
    });
  }
});


// The docx library turns each external hyperlink of a paragraph into a numbered one as it writes the paragraph.
const DOCX: Record<string, () => Promise<typeof import('docx')>> = {
  'docx (import)': async () => await import('docx'),
  'docx (require)': async () => createRequire(import.meta.url)('docx') as typeof import('docx'),
};
describe('the Word library as patched', () => {
  for (const [name, load] of Object.entries(DOCX)) {
    it(`${name}: a paragraph of many links is prepared in its length, each link numbered once, in order`, async () => {
      const { ExternalHyperlink, Paragraph, TextRun } = await load();
      const n = 3_000;
      const paragraph = new Paragraph({ children: Array.from({ length: n }, (_, i) => new ExternalHyperlink({ link: `https://un.org/${i}`, children: [new TextRun(`l${i}`)] })) });
      const root = (paragraph as unknown as { root: unknown[] }).root;
      // Unpatched, each link searched the paragraph's children for itself: n² / 2 reads.
      let reads = 0;
      (paragraph as unknown as { root: unknown[] }).root = new Proxy(root, { get(target, key, receiver) { if (typeof key === 'string' && /^\d+$/.test(key)) reads++; return Reflect.get(target, key, receiver); } });
      const added: string[] = [];
      const context = { viewWrapper: { Relationships: { addRelationship: (_id: string, _type: string, target: string) => added.push(target) } }, stack: [], file: {} };
      try { paragraph.prepForXml(context as never); } catch { /* the rest of the writing needs a whole document: only the links' part is looked at */ }
      expect(reads).toBeLessThan(10 * n);
      expect(added).toEqual(Array.from({ length: n }, (_, i) => `https://un.org/${i}`));
      expect(root.filter((c) => (c as { rootKey?: string }).rootKey === 'w:externalHyperlink')).toEqual([]);
    });
  }
});

// The footnote extension asks, at each call and each definition, whether the label is defined.
const FOOTNOTES: Record<string, () => Promise<typeof import('micromark-extension-gfm-footnote')>> = {
  'micromark-extension-gfm-footnote': async () => await import('../../node_modules/micromark-extension-gfm-footnote/index.js'),
  'micromark-extension-gfm-footnote (dev)': async () => await import('../../node_modules/micromark-extension-gfm-footnote/dev/index.js'),
};
describe('the footnote extension as patched', () => {
  for (const [name, load] of Object.entries(FOOTNOTES)) {
    it(`${name}: thousands of footnotes are read without searching the list of definitions, each call as before`, async () => {
      const { gfmFootnote, gfmFootnoteHtml } = await load();
      const { micromark } = await import('micromark');
      const html = (text: string) => micromark(text, { extensions: [gfmFootnote()], htmlExtensions: [gfmFootnoteHtml()] });
      // A call to a defined note is a note, wherever the definition stands; an undefined one stays text; a label is
      // matched as Markdown matches labels (whatever its case).
      const small = html('A[^one] b[^TWO] c[^none].\n\n[^one]: First.\n\n[^two]: Second.\n');
      expect(small).toContain('href="#user-content-fn-one"');
      expect(small).toMatch(/href="#user-content-fn-two"/i);
      expect(small).toContain('c[^none].');
      expect(small).toContain('<li id="user-content-fn-one">');
      // Unpatched, each of n calls and n definitions searched the list of definitions: n² / 2 comparisons, counted
      // here as calls to `includes` on a long list.
      const n = 2_000;
      const long = `${Array.from({ length: n }, (_, i) => `p${i}[^f${i}].`).join(' ')}\n\n${Array.from({ length: n }, (_, i) => `[^f${i}]: Note ${i}.`).join('\n')}\n`;
      const includes = Array.prototype.includes;
      let searches = 0;
      Array.prototype.includes = function (this: unknown[], ...a: [unknown, number?]) { if (this.length > 100) searches++; return includes.apply(this, a); };
      let out = '';
      try { out = html(long); } finally { Array.prototype.includes = includes; }
      expect(searches).toBe(0);
      expect(out.match(/data-footnote-ref/g)).toHaveLength(n);
    });
  }
});

// micromark's parse, in the build Node and the bundler load and in the "development" one.
type Parse = (o?: { extensions?: unknown[] }) => { constructs: unknown; defined: unknown[] };
const PARSES: Record<string, () => Promise<{ parse: Parse }>> = {
  micromark: async () => ({ parse: (await import('../../node_modules/micromark/lib/parse.js')).parse as unknown as Parse }),
  'micromark (dev)': async () => ({ parse: (await import('../../node_modules/micromark/dev/lib/parse.js')).parse as unknown as Parse }),
};
describe('micromark as patched', () => {
  for (const [name, load] of Object.entries(PARSES)) {
    it(`${name}: a list of extensions is combined once, again when it changes, and each parse has its own state`, async () => {
      const { parse } = await load();
      const { gfm } = await import('micromark-extension-gfm');
      const extensions = [gfm()];
      const first = parse({ extensions }), second = parse({ extensions });
      // Unpatched, every parse combined the extensions anew (a third of a section's parse).
      expect(second.constructs).toBe(first.constructs);
      // The definitions a document makes are its own.
      expect(second.defined).not.toBe(first.defined);
      // A list that gained an extension since is combined again, with it.
      const extra = { text: { 64: { tokenize: () => () => undefined } } };
      extensions.push(extra);
      const third = parse({ extensions });
      expect(third.constructs).not.toBe(first.constructs);
      expect((third.constructs as { text: Record<number, unknown[]> }).text[64]).toContain(extra.text[64]);
      expect(parse({}).constructs).toBe(parse().constructs);
    });
  }
});
