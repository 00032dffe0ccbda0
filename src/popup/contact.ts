/**
 * An e-mail address the refused page itself offers for help (a mailto: link on a block page), so
 * the report can be mailed. Only a plain address is taken; anything odd yields null.
 */
export function contactOf(pageText: string | undefined): string | null {
  if (!pageText) return null;
  const match = /mailto:([^"'<>\s?&]{3,254})/i.exec(pageText);
  if (!match?.[1]) return null;
  let address: string;
  try {
    address = decodeURIComponent(match[1]);
  } catch {
    return null;
  }
  return /^[^@\s,;:]+@[a-z0-9.-]+\.[a-z]{2,}$/i.test(address) ? address : null;
}

export function mailtoOf(address: string, subject: string, body: string): string {
  return `mailto:${encodeURIComponent(address).replace('%40', '@')}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}
