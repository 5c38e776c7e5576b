// Outline, folding and quick fixes for drafts: each maps a core result to the VS Code provider API.
import * as vscode from 'vscode';
import { completionsAt, definitionAt, fixAll, fixesFor, hoverAt, type Finding, type OutlineSymbol, type ReviewService } from '../core/index';
import { asDoc, toRange } from './convert';

const SELECTOR: vscode.DocumentSelector = { language: 'markdown' };
export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('reviewObservations');

const KIND: Record<OutlineSymbol['role'], vscode.SymbolKind> = {
  'front-matter': vscode.SymbolKind.Object, title: vscode.SymbolKind.File, introduction: vscode.SymbolKind.String,
  instrument: vscode.SymbolKind.Module, article: vscode.SymbolKind.Class, part: vscode.SymbolKind.Field, other: vscode.SymbolKind.String,
};

function toSymbol(s: OutlineSymbol): vscode.DocumentSymbol {
  const sym = new vscode.DocumentSymbol(s.name, s.detail, KIND[s.role], toRange(s.range), toRange(s.selectionRange));
  sym.children = s.children.map(toSymbol);
  return sym;
}

/** `findingOf`: the finding behind one of this extension's diagnostics (diagnostics.ts). */
/** For an agreed article changed since: see what changed, agree to the text as it is, or reopen it. */
function agreementActions(diag: vscode.Diagnostic, key: string, status: string | undefined): vscode.CodeAction[] {
  const make = (title: string, command: vscode.Command, preferred = false) => {
    const a = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
    a.diagnostics = [diag];
    a.command = command;
    a.isPreferred = preferred;
    return a;
  };
  return [
    make(vscode.l10n.t('Show the changes since agreement'), { title: '', command: 'reviewObservations.showAgreedChanges', arguments: [key] }, true),
    make(vscode.l10n.t('Agree to the text as it is now'), { title: '', command: 'reviewObservations.setStatus', arguments: [key, status ?? 'agreed-by-reviewers'] }),
    make(vscode.l10n.t('Reopen the article (back to drafting)'), { title: '', command: 'reviewObservations.setStatus', arguments: [key, 'drafting'] }),
  ];
}

export function registerProviders(service: ReviewService, findingOf: (d: vscode.Diagnostic) => Finding | undefined): vscode.Disposable[] {
  const draft = (d: vscode.TextDocument) => service.isDraft(d.getText());
  return [
    vscode.languages.registerDocumentSymbolProvider(SELECTOR, {
      provideDocumentSymbols: (d) => (draft(d) ? service.outline(asDoc(d)).map(toSymbol) : []),
    }, { label: 'Review Observations' }), // l10n-ignore: the product's name
    vscode.languages.registerFoldingRangeProvider(SELECTOR, {
      provideFoldingRanges: (d) => (draft(d) ? service.folding(asDoc(d)).map((f) => new vscode.FoldingRange(f.startLine, f.endLine, f.kind === 'region' ? vscode.FoldingRangeKind.Region : undefined)) : []),
    }),
    vscode.languages.registerHoverProvider(SELECTOR, {
      provideHover(d, pos) {
        if (!draft(d)) return undefined;
        const h = hoverAt(service.model(asDoc(d)), d.offsetAt(pos));
        return h ? new vscode.Hover(new vscode.MarkdownString(h.markdown), toRange(h.range)) : undefined;
      },
    }),
    vscode.languages.registerDefinitionProvider(SELECTOR, {
      provideDefinition(d, pos) {
        if (!draft(d)) return undefined;
        const r = definitionAt(service.model(asDoc(d)), d.offsetAt(pos));
        return r ? new vscode.Location(d.uri, toRange(r)) : undefined;
      },
    }),
    vscode.languages.registerCompletionItemProvider(SELECTOR, {
      provideCompletionItems(d, pos) {
        if (!draft(d)) return [];
        // The model of the text as it is now; completion must not wait for the debounced check.
        return completionsAt(service.model(asDoc(d)), d.offsetAt(pos)).map((c) => {
          const item = new vscode.CompletionItem(c.label, vscode.CompletionItemKind.Reference);
          item.insertText = c.insertText;
          item.detail = c.detail;
          item.sortText = c.sortText;
          item.filterText = c.insertText;
          if (c.documentation) item.documentation = c.documentation;
          return item;
        });
      },
    }, ' ', '第'),
    vscode.languages.registerCodeActionsProvider(SELECTOR, {
      provideCodeActions(d, _range, context) {
        if (!draft(d)) return [];
        const model = service.model(asDoc(d));
        const findings = service.check(asDoc(d));
        const actions: vscode.CodeAction[] = [];
        if (context.only && FIX_ALL_KIND.intersects(context.only)) {
          const edits = fixAll(model, findings);
          if (!edits.length) return [];
          const action = new vscode.CodeAction(vscode.l10n.t('Fix all structure findings'), FIX_ALL_KIND);
          action.edit = new vscode.WorkspaceEdit();
          for (const e of edits) action.edit.replace(d.uri, toRange(model.lines.rangeOf(e.start, e.end)), e.newText);
          return [action];
        }
        for (const diag of context.diagnostics) {
          const f = findingOf(diag);
          if (!f) continue;
          if (f.code === 'assignment.changed-after-agreement' && f.data?.instrument && f.data.article !== undefined) {
            actions.push(...agreementActions(diag, `${f.data.instrument}-${f.data.article}`, model.info?.assignments.get(`${f.data.instrument}-${f.data.article}`)?.status));
            continue;
          }
          for (const fix of fixesFor(model, f)) {
            const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
            action.diagnostics = [diag];
            action.edit = new vscode.WorkspaceEdit();
            action.edit.replace(d.uri, toRange(model.lines.rangeOf(fix.edit.start, fix.edit.end)), fix.edit.newText);
            actions.push(action);
          }
        }
        return actions;
      },
    }, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND] }),
  ];
}
