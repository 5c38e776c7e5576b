// Bad input: binary, non-UTF-8, oversized and odd texts give a finding or a model, never an exception.
import { describe, expect, it } from 'vitest';
import { checkModel, decodeDraft, DraftAnalysis, kindOfError, unreadablePath } from '../../src/core/index';

const enc = (s: string) => new TextEncoder().encode(s);

describe('decodeDraft', () => {
  it('keeps a byte-order mark so offsets match the file', () => {
    const d = decodeDraft(new Uint8Array([0xef, 0xbb, 0xbf, ...enc('---\n')]));
    expect(d.ok && d.text).toBe('\ufeff---\n');
  });
  it('reports a binary file', () => {
    const d = decodeDraft(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 1]));
    expect(!d.ok && d.finding.code).toBe('file.binary');
  });
  it('reports text that is not UTF-8 with the offset of the first bad byte', () => {
    const d = decodeDraft(new Uint8Array([...enc('abc'), 0xb0, 0xa1]));
    expect(!d.ok && d.finding.code).toBe('file.not-utf8');
    expect(!d.ok && d.finding.message).toContain('offset 3');
  });
  it('reports a file over the size limit without decoding it', () => {
    const d = decodeDraft(new Uint8Array(21 * 1024 * 1024));
    expect(!d.ok && d.finding.code).toBe('file.too-large');
  });
});

describe('odd texts never throw', () => {
  const odd = ['', '\ufeff', '---', '---\n', '---\n---', '---\n: :\n---\n', '---\n- a\n---\n', '---\ndocument: summary\n---\n#', '\r\r\r', '####### seven', '```\n# in fence', '<!--\n# in comment', '---\ndocument: list-of-observations\nstate-under-review: A\ncluster: 1\nparty-to: [untoc]\nreviewing-states: 5\narticles: 3\n---\n'];
  for (const t of odd) {
    it(JSON.stringify(t).slice(0, 40), () => {
      expect(() => checkModel(DraftAnalysis.parse(t))).not.toThrow();
    });
  }
  it('an empty file is reported as having no front matter', () => {
    expect(checkModel(DraftAnalysis.parse('')).map((f) => f.code)).toEqual(['frontmatter.missing']);
  });
  it('names UTF-16 (with or without a byte-order mark) and says how to convert, instead of calling it binary', () => {
    const le = new Uint8Array([0xff, 0xfe, ...Array.from('# Draft\n').flatMap((c) => [c.charCodeAt(0), 0])]);
    const d = decodeDraft(le);
    expect(!d.ok && d.finding.code).toBe('file.not-utf8');
    expect(!d.ok && d.finding.message).toMatch(/UTF-16LE.*iconv -f UTF-16LE -t UTF-8/);
    const be = new Uint8Array(Array.from('---\ndocument: summary\n---\n').flatMap((c) => [0, c.charCodeAt(0)]));
    expect(!decodeDraft(be).ok && (decodeDraft(be) as { finding: { message: string } }).finding.message).toMatch(/UTF-16BE/);
  });
  it('finds an encoded surrogate or an overlong form where it stands, not at offset 0', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('a'.repeat(100)), 0xed, 0xa0, 0x80, 0x41]);
    const d = decodeDraft(bytes);
    expect(!d.ok && d.finding.message).toMatch(/offset 100\b/);
    const overlong = new Uint8Array([0x41, 0x42, 0xe0, 0x80, 0xaf]);
    expect(!decodeDraft(overlong).ok && (decodeDraft(overlong) as { finding: { message: string } }).finding.message).toMatch(/offset 2\b/);
  });
});

describe('nesting too deep to export', () => {
  const head = '---\ndocument: summary\nstate-under-review: A\nreviewing-states: [B, C]\ncluster: 1\nparty-to: [untoc]\n---\n\n## Introduction {#introduction}\n\n';
  const deep = (text: string) => checkModel(DraftAnalysis.parse(head + text)).filter((f) => f.code === 'file.too-deep').map((f) => f.range.start.line);
  it('is reported at its line for quotes, lists, emphasis and indented lists, and not for thematic breaks or normal text', () => {
    expect(deep('x\n\n' + '>'.repeat(2000) + ' x\n')).toEqual([12]);
    expect(deep('- '.repeat(1000) + 'x\n')).toEqual([10]);
    expect(deep('*'.repeat(10000) + 'x' + '*'.repeat(10000) + '\n')).toEqual([10]);
    expect(deep(Array.from({ length: 120 }, (_, i) => ' '.repeat(2 * i) + '- x').join('\n') + '\n')).toEqual([110]);
    expect(deep('*'.repeat(500) + '\n\n' + '- '.repeat(60) + '-'.repeat(300) + '\n\n' + '> '.repeat(50) + 'quote\n\n**bold** and _it_\n')).toEqual([]);
  });
  it('the export refuses it with the line instead of overflowing the stack', async () => {
    const { exportDocx } = await import('../../src/core/export/docx');
    await expect(exportDocx(head + '- '.repeat(1000) + 'x\n', { mode: 'with-changes' })).rejects.toThrow(/Line 11 nests 1000 levels deep/);
  });
});

describe('silent passes that are findings now', () => {
  const fm = (extra: string) => `---\ndocument: list-of-observations\nstate-under-review: A\nreviewing-states: [B, C]\ncluster: 1\nparty-to: [untoc]\n${extra}---\n\n## Introduction {#introduction}\n\nx\n`;
  it('a date that does not exist (2021-02-30) is an invalid value, as written or as a YAML timestamp', () => {
    for (const d of ['2021-02-30', '"2021-02-30"', '2023-13-01']) {
      const codes = checkModel(DraftAnalysis.parse(fm(`review-start: ${d}\n`))).map((f) => f.code);
      expect(codes, d).toContain('frontmatter.invalid-value');
    }
    expect(checkModel(DraftAnalysis.parse(fm('review-start: 2024-02-29\n'))).map((f) => f.code)).not.toContain('frontmatter.invalid-value');
  });
  it('a section id shaped like an article of an unknown instrument ({#drugs-5}) is an error', () => {
    const text = fm('') + '\n## Drugs {#drugs}\n\n### Article 5 {#drugs-5}\n\nText.\n';
    const f = checkModel(DraftAnalysis.parse(text)).filter((x) => x.code === 'structure.no-such-article');
    expect(f.map((x) => x.message)).toEqual([expect.stringContaining('{#drugs-5} names no instrument')]);
  });
  it('a draft whose front matter carries a comment mark is still a draft (checked, not skipped)', async () => {
    const { isDraft } = await import('../../src/core/service');
    expect(isDraft('---\n{==document==}{>>@abcd1234<<}: list-of-observations\n---\n# T\n')).toBe(true);
    expect(isDraft('---\ntitle: notes\n---\n# T\n')).toBe(false);
  });
});

describe('what the file system says, in words', () => {
  it('each kind of path that is not read has its message, and errno codes map to them', () => {
    expect(kindOfError('EACCES')).toBe('denied');
    expect(kindOfError('ELOOP')).toBe('link-loop');
    expect(kindOfError('ENOENT')).toBe('missing');
    expect(unreadablePath('denied', 0)?.message).toMatch(/Permission denied/);
    expect(unreadablePath('fifo', 0)?.message).toMatch(/named pipe/);
    expect(unreadablePath('file', 10)).toBeNull();
    expect(unreadablePath('file', 17 * 1024 * 1024)?.code).toBe('file.too-large');
  });
});
