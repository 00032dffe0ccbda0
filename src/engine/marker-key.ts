import type { Marker } from './signature';

/**
 * A marker's name, made from what it tests: "header:cf-mitigated=challenge", "cookie:datadome",
 * "body:you have been blocked". Evidence carries it so the prose layer can say what the fact
 * means without the matching data holding any prose (see prose/en.json, `notes`).
 */
export function markerKey(marker: Marker): string {
  if ('header' in marker) {
    const equals = marker.equals === undefined ? '' : `=${marker.equals}`;
    return `header:${marker.header}${equals}${marker.includes === undefined ? '' : `~${marker.includes}`}`;
  }
  if ('cookie' in marker) return `cookie:${marker.cookie}${marker.prefix ? '*' : ''}`;
  if ('body' in marker) return `body${marker.whole ? '=' : ':'}${marker.body}`;
  if ('title' in marker) return `title:${marker.title}`;
  if ('json' in marker) return `json:${marker.json}`;
  if ('error' in marker) return `error:${marker.error}`;
  if ('url' in marker) return `url:${marker.url}`;
  if ('resourceType' in marker) return `type:${marker.resourceType.join(',')}`;
  return `context:${marker.context}`;
}
