// Texts that make Markdown parsers quadratic or overflow them are parsed with stand-ins and lose no character.
import type { Root, RootContent } from 'mdast';
import { describe, expect, it } from 'vitest';
import { parseSection } from '../../src/core/draft/sectionTree';
import { createMarkdownParser } from '../../src/core/draft/parser';

function texts(tree: Root): string {
  const out: string[] = [];
  const stack: (Root | RootContent)[] = [tree];
  while (stack.length) {
    const n = stack.pop()!;
    if ('value' in n && typeof n.value === 'string') out.push(n.value);
    if ('children' in n) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  return out.join('|');
}

describe('hostile sections', () => {
  it('hundreds of "~~" (unclosed suggestions) are read as text, every tilde kept, tilde fences still fences', () => {
    const line = '{~~a~>'.repeat(3000);
    const tree = parseSection(`${line}\n\n~~~\ncode ~~ here\n~~~\n`, createMarkdownParser());
    expect(texts(tree)).toBe(`${line}|code ~~ here`);
    expect(tree.children.map((c) => c.type)).toEqual(['paragraph', 'code']);
    expect(JSON.stringify(tree)).not.toMatch(/[\ue000-\ue003]/);
  });
  it('a long section of them has its lines of prose masked as any long section has, with the same tree as parsed whole', () => {
    // Lines of unclosed suggestions ending in a space, a paragraph of words and ">" among them, a quote, a list, code.
    const text = `${'{~~a~> '.repeat(200)}\n`.repeat(40) + `\nplain words > here\nand more  \nwords\n\n> quoted ~~ text\n\n- item ~~ one\n\n\`\`\`\ncode ~~\n\`\`\`\n`;
    const parser = createMarkdownParser();
    const masked = parseSection(text, parser, 0), whole = parseSection(text, parser, Infinity);
    expect(masked).toEqual(whole);
    expect(masked.children.map((c) => c.type)).toEqual(['paragraph', 'paragraph', 'blockquote', 'list', 'code']);
    expect(texts(masked)).toContain('plain words > here\nand more|words');
  });
  it('a few "~~" still strike through', () => {
    const tree = parseSection('a ~~b~~ c\n', createMarkdownParser());
    expect(JSON.stringify(tree)).toContain('"delete"');
  });
  it('git conflict lines are not read as quotes or heading underlines, and keep their text when few', () => {
    const few = parseSection('<<<<<<< ours\nx\n=======\ny\n>>>>>>> theirs\n', createMarkdownParser());
    expect(few.children.map((c) => c.type)).toEqual(['paragraph']);
    expect(texts(few)).toBe('<<<<<<< ours\nx\n=======\ny\n>>>>>>> theirs');
    const many = parseSection('<<<<<<< a\nx\n=======\ny\n>>>>>>> b\n'.repeat(200), createMarkdownParser());
    expect(many.children.every((c) => c.type === 'paragraph')).toBe(true);
    expect(texts(many).split('|').slice(0, 2)).toEqual(['x', 'y']);
  });
  it('thousands of "*a*" and "_b_" are read as text, every character kept; bullets, breaks, code and links stay', () => {
    const line = '*a* _b_ '.repeat(1500);
    const text = `${line}\n\n* an item *with* stars\n  * nested_item\n\n> * quoted item\n\n***\n\n\`a_b*c\`\n\n[x](https://e.org/a_b*c)\n`;
    const tree = parseSection(text, createMarkdownParser());
    expect(tree.children.map((c) => c.type)).toEqual(['paragraph', 'list', 'blockquote', 'thematicBreak', 'paragraph', 'paragraph']);
    expect(texts(tree)).toBe(`${line.trimEnd()}|an item *with* stars|nested_item|quoted item|a_b*c|x`);
    expect(JSON.stringify(tree)).toContain('"url":"https://e.org/a_b*c"');
    expect(JSON.stringify(tree)).not.toMatch(/[\ue000-\ue007]/);
    // Below the limit, emphasis is emphasis.
    expect(JSON.stringify(parseSection('*a* _b_ '.repeat(10), createMarkdownParser()))).toContain('"emphasis"');
  });
  it('a paragraph with more children than a call takes arguments (a long run of hard breaks) is walked, not spread', () => {
    // The real parser gives a 1 MB paragraph of lines ending in two spaces ~500,000 children (2 s at 50,000 lines):
    // a parser that adds them to its first paragraph stands in for it, and both walks of a parsed tree meet them.
    const MANY = 300_000;
    const real = createMarkdownParser();
    const wide = { parse(t: string): Root {
      const tree = real.parse(t);
      const p = tree.children.find((c) => c.type === 'paragraph') as { children: RootContent[]; position: { end: object } };
      for (let i = 0; i < MANY; i++) p.children.push({ type: 'break', position: { start: { ...p.position.end }, end: { ...p.position.end } } } as RootContent);
      return tree;
    } };
    // Masked prose (a long section's plain lines, one letter each, positions given back to every node).
    const masked = parseSection('plain words here  \nand more\n\n- a list\n', wide, 0);
    expect((masked.children[0] as { children: unknown[] }).children.length).toBeGreaterThan(MANY);
    // Stand-ins (hundreds of "~~"), put back in every node.
    const tildes = parseSection(`${'{~~a~> '.repeat(300)}\n\n- a list\n`, wide);
    expect(texts(tildes)).toContain('{~~a~>');
  });
});
