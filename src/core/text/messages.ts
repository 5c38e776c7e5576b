// Formats one translated message many times in a check: t() once per run, then plain concatenation per finding.

/** Placeholder values to pass to t() in place of the real arguments: control characters no message contains. */
export const HOLES = ['\u0001', '\u0002', '\u0003'] as const;

/**
 * `formatter(t('Open comment by {0}: resolve it.', HOLES[0]))` gives a function that fills the translated message's
 * holes. A large draft has thousands of findings of one kind, and t() formats with a regular expression each time.
 */
export function formatter(translated: string): (...args: string[]) => string {
  const parts = translated.split(/([\u0001-\u0003])/);
  return (...args) => {
    let out = parts[0]!;
    for (let i = 1; i < parts.length; i += 2) out += (args[parts[i]!.charCodeAt(0) - 1] ?? '') + parts[i + 1]!;
    return out;
  };
}

/**
 * A formatter (above) made when it is first used: a rule that may report with a message asks for its translation only
 * once it reports (t() formats its placeholders with a regular expression at each call, and a draft's thousands of
 * sections mostly report nothing: the citation-style rule's three messages were a twentieth of a batch check).
 */
export function lazyFormatter(translate: () => string): (...args: string[]) => string {
  let format: ((...args: string[]) => string) | undefined;
  return (...args) => (format ??= formatter(translate()))(...args);
}
