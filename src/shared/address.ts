/** The address without its fragment: `#top` does not make another document. */
export function withoutHash(url: string): string {
  const at = url.indexOf('#');
  return at < 0 ? url : url.slice(0, at);
}

/** The address without query or fragment: the same resource asked with other parameters. */
export function withoutQuery(url: string): string {
  const at = url.search(/[?#]/);
  return at < 0 ? url : url.slice(0, at);
}
