// The secretariat's report: one self-contained HTML page (no network) with a table of drafts and charts.
import { t } from '@vscode/l10n';
import type { DraftSummary } from './summary';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function bars(rows: { label: string; value: number; max: number; text: string; color: string }[], width = 560): string {
  const h = 22;
  const labelW = 230;
  const body = rows.map((r, i) => {
    const w = r.max ? Math.round(((width - labelW - 70) * r.value) / r.max) : 0;
    const y = i * h;
    return `<g transform="translate(0,${y})"><text x="${labelW - 8}" y="15" text-anchor="end">${esc(r.label)}</text>` +
      `<rect x="${labelW}" y="3" width="${width - labelW - 70}" height="16" fill="#eee"/>` +
      `<rect x="${labelW}" y="3" width="${w}" height="16" fill="${r.color}"/>` +
      `<text x="${width - 64}" y="15">${esc(r.text)}</text></g>`;
  }).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${rows.length * h + 4}" role="img" font-size="12" font-family="sans-serif">${body}</svg>`;
}

/**
 * `lang`: the language the report's words are in (the interface's, as its messages are localized), for the page's
 * `lang` and direction.
 */
export function reportHtml(drafts: DraftSummary[], generated: string, lang = 'en'): string {
  const ds = drafts.filter((d) => d.draft);
  const ready = ds.filter((d) => d.counts.error === 0);
  const byCode = new Map<string, number>();
  for (const d of ds) for (const f of d.findings) byCode.set(f.code, (byCode.get(f.code) ?? 0) + 1);
  const codes = [...byCode.entries()].sort((a, b) => b[1] - a[1]);
  const maxCode = codes[0]?.[1] ?? 0;
  const name = (d: DraftSummary) => (d.kind === 'summary' ? t('{0} (summary)', d.state ?? d.file) : d.state ?? d.file);
  const status = (d: DraftSummary) => (d.counts.error ? t('blocked') : t('ready'));
  const progress = bars(ds.map((d) => ({
    label: name(d), value: d.articlesComplete, max: Math.max(1, d.articlesUnderReview),
    text: `${d.articlesComplete}/${d.articlesUnderReview}`, color: d.counts.error ? '#d9822b' : '#2e8540',
  })));
  const findings = codes.length ? bars(codes.map(([c, n]) => ({ label: c, value: n, max: maxCode, text: String(n), color: c.startsWith('ref.') ? '#5b7bd5' : c.startsWith('comment.') ? '#b07cc6' : '#c0504d' }))) : `<p>${esc(t('No findings.'))}</p>`;
  const rows = ds.map((d) => `<tr class="${d.counts.error ? 'blocked' : 'ready'}"><td>${esc(d.file)}</td><td>${esc(d.state ?? '—')}</td><td>${esc(d.kind ?? '—')}</td><td>${d.cluster ?? '—'}</td><td>${esc(d.languages.join(', '))}</td>` +
    `<td>${d.articlesComplete}/${d.articlesUnderReview}</td><td class="n">${d.counts.error}</td><td class="n">${d.counts.warning}</td><td class="n">${d.counts.info}</td>` +
    `<td class="n">${d.openThreads}</td><td class="n">${d.pendingSuggestions}</td><td class="n">${d.articlesAgreed}/${d.articlesUnderReview}</td><td>${esc(status(d))}</td></tr>`).join('\n');
  const heads = [t('File'), t('State under review'), t('Document'), t('Cluster'), t('Languages'), t('Articles complete'), t('Errors'), t('Warnings'), t('Info'), t('Open threads'), t('Pending suggestions'), t('Articles agreed'), t('Status')];
  const title = esc(t('Review drafts: readiness report'));
  return `<!doctype html>
<html lang="${esc(lang)}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}"><head><meta charset="utf-8"><title>${title}</title>
<style>
body{font-family:system-ui,"Noto Sans","Noto Sans CJK SC","Noto Naskh Arabic",sans-serif;margin:2em;color:#222}
h1{font-size:1.4em} h2{font-size:1.1em;margin-top:1.6em}
.tiles{display:flex;gap:1em} .tile{border:1px solid #ccc;border-radius:6px;padding:.6em 1.2em} .tile b{font-size:1.6em;display:block}
table{border-collapse:collapse;margin-top:1em;font-size:.9em} th,td{border:1px solid #ddd;padding:.3em .6em;text-align:start} td.n{text-align:end}
tr.blocked td:last-child{color:#b22;font-weight:bold} tr.ready td:last-child{color:#2e8540;font-weight:bold}
svg{direction:ltr}
</style></head><body>
<h1>${title}</h1>
<p>${esc(t('Generated {0} by review-obs: a draft is ready when it has no error.', generated))}</p>
<div class="tiles"><div class="tile"><b id="drafts">${ds.length}</b>${esc(t('drafts'))}</div><div class="tile"><b id="ready">${ready.length}</b>${esc(t('ready'))}</div><div class="tile"><b id="blocked">${ds.length - ready.length}</b>${esc(t('blocked'))}</div></div>
<h2>${esc(t('Progress through the articles under review (complete sections / articles)'))}</h2>
<div id="progress">${progress}</div>
<h2>${esc(t('Findings by code'))}</h2>
<div id="findings">${findings}</div>
<h2>${esc(t('Drafts'))}</h2>
<table id="drafts-table"><thead><tr>${heads.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead>
<tbody>
${rows}
</tbody></table>
</body></html>
`;
}
