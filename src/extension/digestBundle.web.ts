// In the web build the digest is written as CSV or HTML only: the spreadsheet library needs Node.
import type { DigestBundle } from './digestBundle';

export function loadDigestBundle(): DigestBundle | null {
  return null;
}
