// structure.order: sections out of blueprint order (introduction, instruments, articles ascending, parts in order).
import { t } from '@vscode/l10n';
import { partOrder } from '../../domain/blueprint';
import { instrumentOrder } from '../../domain/instruments';
import { instrumentName } from '../../domain/describe';
import type { Section } from '../../draft/analysis';
import type { Rule } from '../rule';
import { articleName, partName } from '../../domain/describe';

export const order: Rule = {
  code: 'structure.order',
  scope: 'document',
  readsOnly: 'headings',
  summary: 'Sections out of blueprint order.',
  defaultSeverity: 'warning',
  check({ model, report }) {
    const intro = model.sections.find((s) => s.role === 'introduction');
    const firstInstrumentOrArticle = model.sections.find((s) => s.role === 'instrument' || s.role === 'article');
    if (intro && firstInstrumentOrArticle && firstInstrumentOrArticle.heading.start < intro.heading.start) {
      report(intro, t('The introduction must come before the sections on the instruments. Move it up.'));
    }
    let prevInst: Section | undefined;
    for (const s of model.sections.filter((x) => x.role === 'instrument')) {
      if (prevInst && instrumentOrder(s.instrument!) < instrumentOrder(prevInst.instrument!)) {
        report(s, t('The {0} must come before the {1} (the Convention first, then the Protocols in order). Move this section up.', instrumentName(s.instrument!), instrumentName(prevInst.instrument!)));
      }
      prevInst = s;
    }
    const lastArticle = new Map<string, Section>();
    for (const s of model.articleSections()) {
      const prev = lastArticle.get(s.instrument!);
      if (prev && s.article! < prev.article!) {
        report(s, t('{0} comes after {1}; articles go in ascending order. Move this section up.', cap(articleName(s.instrument!, s.article!)), articleName(prev.instrument!, prev.article!)));
      }
      lastArticle.set(s.instrument!, s);
      let prevPart: Section | undefined;
      for (const c of s.children) {
        if (c.role !== 'part') continue;
        if (prevPart && partOrder(c.part!) < partOrder(prevPart.part!)) {
          report(c, t('Part {0} must come before part {1}. Move it up.', partName(c.part!), partName(prevPart.part!)));
        }
        prevPart = c;
      }
    }
  },
};

function cap(s: string): string { return s.charAt(0).toUpperCase() + s.slice(1); }
