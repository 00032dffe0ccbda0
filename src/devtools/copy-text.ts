/**
 * Copies text; false when the browser refused. DevTools may not grant its extension frames the
 * clipboard API (Chrome's front end decides the frame's permissions), so a selection copy is tried
 * next; the caller shows the text for copying by hand when both fail.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return copyBySelection(text);
  }
}

function copyBySelection(text: string): boolean {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  try {
    // Deprecated, yet the only copy left where the clipboard API is not allowed.
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}
