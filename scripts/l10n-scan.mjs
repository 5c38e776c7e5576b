// Finds the localized strings in the sources (calls to t()) and the user-facing strings that bypass localization.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

/** Every .ts file under the given folders. */
export function sourceFiles(roots) {
  const out = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) out.push(p);
    }
  };
  roots.forEach(walk);
  return out.sort();
}

/** `t(...)`, `l10n.t(...)`, `vscode.l10n.t(...)`: the calls whose first argument is a key of the bundles. */
function isTranslateCall(node) {
  if (!ts.isCallExpression(node)) return false;
  const e = node.expression;
  if (ts.isIdentifier(e)) return e.text === 't';
  return ts.isPropertyAccessExpression(e) && e.name.text === 't' && /(^|\.)l10n$/.test(e.expression.getText());
}

const hasLetters = (s) => /\p{L}{2,}/u.test(s);

// Where a literal string reaches a person: arguments of these calls, values of these properties.
const USER_CALLS = /^(vscode\.)?window\.show(Information|Warning|Error)Message$|^(vscode\.)?window\.(showInputBox|showQuickPick|withProgress|setStatusBarMessage)$|^io\.(out|err)$|^console\.(log|error|warn)$|^progress\.report$/;
const USER_NEW = /^(vscode\.)?(Diagnostic|CodeAction|MarkdownString|Hover|TreeItem|CodeLens|CompletionItem)$|^UsageError$|^Error$/;
const USER_PROPS = new Set(['message', 'title', 'label', 'tooltip', 'placeHolder', 'prompt', 'detail', 'description', 'contextValueLabel', 'validationMessage']);

/**
 * Scans one source file. Returns the keys passed to t() and the places where a string with words is shown
 * without t(). A string that is deliberately not translated (a code, a file name) is marked with a
 * `// l10n-ignore` comment on its line.
 */
export function scanFile(file, text = readFileSync(file, 'utf8')) {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const keys = [];
  const bypasses = [];
  const lines = text.split('\n');
  const ignored = (node) => /l10n-ignore/.test(lines[sf.getLineAndCharacterOfPosition(node.getStart()).line] ?? '');
  const where = (node) => `${file}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;

  /** Literal text of a string expression that is not wrapped in t(): the parts a person would read. */
  const literalParts = (node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
    if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)];
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) return [...literalParts(node.left), ...literalParts(node.right)];
    if (ts.isConditionalExpression(node)) return [...literalParts(node.whenTrue), ...literalParts(node.whenFalse)];
    if (ts.isParenthesizedExpression(node)) return literalParts(node.expression);
    return [];
  };
  const flag = (node, context) => {
    if (ignored(node)) return;
    const parts = literalParts(node).filter(hasLetters);
    if (parts.length) bypasses.push({ where: where(node), context, text: parts.join('…') });
  };

  const visit = (node) => {
    if (isTranslateCall(node)) {
      const a = node.arguments[0];
      const message = a && ts.isObjectLiteralExpression(a)
        ? a.properties.find((p) => ts.isPropertyAssignment(p) && p.name.getText() === 'message')?.initializer
        : a;
      if (message && (ts.isStringLiteral(message) || ts.isNoSubstitutionTemplateLiteral(message))) keys.push(message.text);
      else bypasses.push({ where: where(node), context: 't()', text: 'a message that is not a plain string literal cannot be found in the bundles' });
      return; // the arguments of t() are the values put into the translated message
    }
    if (ts.isCallExpression(node) && USER_CALLS.test(node.expression.getText())) node.arguments.forEach((a) => flag(a, node.expression.getText()));
    if (ts.isNewExpression(node) && USER_NEW.test(node.expression.getText())) (node.arguments ?? []).forEach((a) => flag(a, `new ${node.expression.getText()}`));
    if (ts.isPropertyAssignment(node) && USER_PROPS.has(node.name.getText())) flag(node.initializer, node.name.getText());
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(node.left) && USER_PROPS.has(node.left.name.text)) flag(node.right, node.left.name.text);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return { keys, bypasses };
}

/** The English bundle: every key found, sorted, mapped to itself. */
export function extractBundle(roots) {
  const all = new Set();
  for (const f of sourceFiles(roots)) for (const k of scanFile(f).keys) all.add(k);
  return Object.fromEntries([...all].sort().map((k) => [k, k]));
}

/** The placeholders of a message, {0} {1}…, sorted: a translation must keep the same ones. */
export function placeholders(s) {
  return [...s.matchAll(/\{(\d+)\}/g)].map((m) => m[1]).sort();
}
