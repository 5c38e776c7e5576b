// Checks every fixture against the findings marked inline ({code} on the expected line), with LF, CRLF and a BOM.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { checkModel, DraftAnalysis } from '../../src/core/index';

const dir = join(__dirname, '..', 'fixtures');
const MARKER = /\{([a-z]+\.[a-z0-9-]+)(?:@(\d+))?\}/g;

function expected(text: string): string[] {
  const out: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    for (const m of line.matchAll(MARKER)) out.push(`${m[2] ? Number(m[2]) : i + 1} ${m[1]}`);
  });
  return out.sort();
}
function actual(text: string): string[] {
  return checkModel(DraftAnalysis.parse(text)).map((f) => `${f.range.start.line + 1} ${f.code}`).sort();
}

const files = readdirSync(dir).filter((f) => f.endsWith('.draft.md'));

describe('fixtures', () => {
  it('exist', () => expect(files.length).toBeGreaterThanOrEqual(8));
  for (const f of files) {
    const text = readFileSync(join(dir, f), 'utf8');
    it(`${f}: findings match the inline markers`, () => {
      expect(actual(text)).toEqual(expected(text));
    });
    it(`${f}: same findings with CRLF line breaks and a byte-order mark`, () => {
      const crlf = text.replace(/\n/g, '\r\n');
      expect(actual(crlf)).toEqual(expected(text));
      expect(actual('\ufeff' + crlf)).toEqual(expected(text));
    });
  }
  it('the valid fixture has no finding at all', () => {
    expect(actual(readFileSync(join(dir, 'valid.draft.md'), 'utf8'))).toEqual([]);
  });
});

describe('empty parts: the text-only shortcut agrees with the parser', () => {
  const part = (body: string) => `---\ndocument: summary\nstate-under-review: A\nreviewing-states: [B, C]\ncluster: 1\nparty-to: [untoc]\narticles:\n  untoc: [5]\n---\n\n## Introduction {#introduction}\n\nx\n\n## C {#untoc}\n\n### Article 5 {#untoc-5}\n\n#### I {.implementation}\n\n${body}\n\n#### G {.gaps}\n\nx\n\n#### P {.good-practices}\n\nx\n\n#### S {.suggestions}\n\nx\n\n#### T {.technical-assistance}\n\nx\n`;
  const empty = (body: string) => checkModel(DraftAnalysis.parse(part(body))).some((f) => f.code === 'structure.empty-part');
  // What remark says: a part is empty when its tree holds nothing but HTML comments.
  const parserSaysEmpty = (body: string) => (unified().use(remarkParse).parse(body) as Root).children
    .every((c) => c.type === 'html' && /^<!--[\s\S]*?-->$/.test(c.value.trim()) && !c.value.trim().replace(/<!--[\s\S]*?-->/g, '').trim());
  for (const [body, isEmpty] of [['', true], ['<!-- hint -->', true], ['<!-- a -->\n\n<!-- b -->', true], ['  \t ', true], ['None.', false], ['<b>x</b>', false], ['`code`', false], ['[a]: https://example.invalid', false], ['&nbsp;', false], ['<!-- a --> text', false], ['<br>', false]] as const) {
    it(JSON.stringify(body), () => {
      expect(parserSaysEmpty(body)).toBe(isEmpty);
      expect(empty(body)).toBe(parserSaysEmpty(body));
    });
  }
});
