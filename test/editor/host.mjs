// What both in-editor runners share (the Node extension host's, run.mjs, and the web worker's, web.mjs).

/** Prints a suite's results as the test command reads them, and says whether it passed. */
export function report(result) {
  for (const t of result.passed) console.log(`  ✓ ${t}`);
  for (const f of result.failed) console.log(`  ✗ ${f.title}\n${f.error.replace(/^/gm, '      ')}`);
  console.log(`${result.passed.length} passed, ${result.failed.length} failed`);
  return result.failed.length === 0 && result.passed.length > 0;
}

/** Waits for `cond`, failing at once if code-server exited meanwhile. */
export async function waitFor(server, cond, ms, what) {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out after ${ms / 1000}s waiting for ${what}`);
    if (server.exitCode !== null) throw new Error(`code-server exited (${server.exitCode}) while waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
