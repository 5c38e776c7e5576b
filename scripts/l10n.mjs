// Writes l10n/bundle.l10n.json (the English source bundle) from the t() calls in src/; translators work from it.
import { writeFileSync } from 'node:fs';
import { extractBundle } from './l10n-scan.mjs';

const bundle = extractBundle(['src']);
writeFileSync('l10n/bundle.l10n.json', JSON.stringify(bundle, null, 2) + '\n');
console.log(`l10n/bundle.l10n.json: ${Object.keys(bundle).length} messages`);
