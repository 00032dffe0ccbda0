/** A webRequest resource type that loads a document (a page or a frame), whose text can be read. */
export function isDocumentType(type: string): boolean {
  return type === 'main_frame' || type === 'sub_frame';
}
