/**
 * `npm run explain -- FILE.har [--json]`: explains every refused request in a HAR recording.
 * Text by default; --json prints exactly one JSON document. Bad input: one line on stderr, exit 1.
 */
import { readFileSync, statSync } from 'node:fs';
import { explainHar, HarError, type HarFinding } from '../engine/har';
import { formatText } from './format-text';

const MAX_FILE_BYTES = 512 * 1024 * 1024;
const USAGE = 'usage: npm run explain -- FILE.har [--json]';

function main(argv: string[]): number {
  const json = argv.includes('--json');
  const files = argv.filter((a) => !a.startsWith('--'));
  if (argv.includes('--help')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const file = files[0];
  if (files.length !== 1 || file === undefined) return fail(USAGE, 2);
  let text: string;
  try {
    const size = statSync(file).size;
    if (size > MAX_FILE_BYTES) return fail(`${file}: too large (${size} bytes; at most ${MAX_FILE_BYTES})`);
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return fail(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let result: ReturnType<typeof explainHar>;
  try {
    result = explainHar(text);
  } catch (error) {
    if (error instanceof HarError) return fail(`${file}: ${error.message}`);
    return fail(`${file}: could not be explained (${error instanceof Error ? error.message.split('\n')[0] : 'error'})`);
  }
  process.stdout.write(json ? `${JSON.stringify({ entries: result.findings.map(toJson) })}\n` : formatText(result));
  return 0;
}

function toJson({ index, observation, diagnosis }: HarFinding) {
  return {
    index,
    url: observation.url,
    method: observation.method,
    status: observation.status,
    error: observation.error ?? null,
    cause: diagnosis.cause,
    category: diagnosis.category,
    vendor: diagnosis.vendor,
    // CDNs and services seen in the headers that did not act: never the blocker.
    inFront: (diagnosis.inFront ?? []).filter((v) => v !== diagnosis.vendor),
    confidence: diagnosis.confidence,
    reference: diagnosis.reference?.value ?? null,
    referenceLabel: diagnosis.reference?.label ?? null,
    evidence: diagnosis.evidence,
    fixes: diagnosis.fixes,
    retryAfterSeconds: diagnosis.retryAfterSeconds,
    summary: diagnosis.summary,
  };
}

function fail(message: string, code = 1): number {
  process.stderr.write(`explain: ${message.replace(/[\r\n]+/g, ' ')}\n`);
  return code;
}

process.exitCode = main(process.argv.slice(2));
