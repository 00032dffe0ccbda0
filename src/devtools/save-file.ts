/** Offers `text` as a download named `name` (no `downloads` permission: an ordinary link). */
export function saveFile(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once started; give the browser a moment to start it.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
