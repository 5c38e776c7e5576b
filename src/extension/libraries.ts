// Entry of dist/libraries.js: the YAML, Markdown and JSON Schema libraries, required on first use rather than at activation.
import * as ajv from 'ajv';
import * as remarkGfm from 'remark-gfm';
import * as remarkParse from 'remark-parse';
import * as unified from 'unified';
import * as yaml from 'yaml';

/** Keyed by package name: scripts/build.mjs gives the extension bundle stand-ins that load these on first call. */
export const libraries = { yaml, unified, 'remark-parse': remarkParse, 'remark-gfm': remarkGfm, ajv };
