import type { Signature } from '../signature';
import { AKAMAI_IMPERVA } from './akamai-imperva';
import { APPS } from './apps';
import { AWS } from './aws';
import { BOT_MANAGERS } from './bot-managers';
import { BROWSER } from './browser';
import { CLOUDFLARE } from './cloudflare';
import { EDGES } from './edges';
import { GENERIC } from './generic';
import { REGIONAL } from './regional';
import { SERVERS } from './servers';
import { SITES } from './sites';
import { STORAGE } from './storage';
import { WAFS } from './wafs';

/**
 * Every block source the engine knows, as data, one file per family. Order breaks ties: specific
 * vendors first, generic causes read from HTTP semantics last. Each entry has fixtures in
 * test/fixtures (a test fails when one is missing).
 */
export const SIGNATURES: readonly Signature[] = [
  ...CLOUDFLARE,
  ...AKAMAI_IMPERVA,
  ...AWS,
  ...STORAGE,
  ...BOT_MANAGERS,
  ...WAFS,
  ...REGIONAL,
  ...EDGES,
  ...SITES,
  ...APPS,
  ...SERVERS,
  ...BROWSER,
  ...GENERIC,
];
