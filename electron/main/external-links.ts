/**
 * The only web addresses the app will hand to the operating system's browser. The app is
 * offline and judges official products: a link in a document or a pasted note must never be a
 * way to open arbitrary sites (phishing) or other protocols (`file:`, `smb:`, custom handlers
 * that start programs). Everything not listed here is refused.
 */
export const EXTERNAL_HOSTS: readonly string[] = [
  // Government portal of legal documents (decisions on OCOP criteria, Decree 30/2020).
  'vanban.chinhphu.vn',
  // Legal-document library the councils commonly cite.
  'thuvienphapluat.vn',
  // National OCOP programme portal.
  'ocopvietnam.gov.vn',
];

/** Longer addresses are refused: nothing on the allowlist needs them, and they hide payloads. */
export const MAX_EXTERNAL_URL_LENGTH = 2048;

export type ExternalLinkDecision = { allowed: true; url: string } | { allowed: false; reason: string };

/**
 * Decides whether `raw` may be opened in the user's browser. Only `https:` to an exact listed
 * host on the default port, without user name or password, is allowed (subdomains are not:
 * each host is listed on purpose). The returned `url` is the parsed, normalised form — open that,
 * never the raw text.
 */
export function checkExternalUrl(raw: unknown, hosts: readonly string[] = EXTERNAL_HOSTS): ExternalLinkDecision {
  if (typeof raw !== 'string' || raw.length === 0) return { allowed: false, reason: 'not a URL string' };
  if (raw.length > MAX_EXTERNAL_URL_LENGTH)
    return { allowed: false, reason: `longer than ${MAX_EXTERNAL_URL_LENGTH} characters` };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { allowed: false, reason: 'not a valid absolute URL' };
  }
  if (url.protocol !== 'https:') return { allowed: false, reason: `protocol ${url.protocol} is not https:` };
  if (url.username !== '' || url.password !== '')
    return { allowed: false, reason: 'URLs with a user name or password are refused' };
  if (url.port !== '') return { allowed: false, reason: `port ${url.port} is not the default https port` };
  if (!hosts.includes(url.hostname)) return { allowed: false, reason: `host ${url.hostname} is not on the allowlist` };
  return { allowed: true, url: url.href };
}

/**
 * Opens `raw` with `open` (Electron's `shell.openExternal`) when the allowlist accepts it.
 * Returns whether it was opened; a refusal is logged so a broken link can be diagnosed.
 */
export async function openExternalIfAllowed(
  raw: unknown,
  open: (url: string) => Promise<void>,
  log: (msg: string) => void = (m) => console.warn(`[ocop-main] ${m}`),
): Promise<boolean> {
  const decision = checkExternalUrl(raw);
  if (!decision.allowed) {
    log(`refused to open ${JSON.stringify(String(raw).slice(0, 200))} outside the app: ${decision.reason}`);
    return false;
  }
  try {
    await open(decision.url);
    return true;
  } catch (e) {
    log(`could not open ${decision.url}: ${e instanceof Error ? e.message : String(e)}`);
    return false;
  }
}
