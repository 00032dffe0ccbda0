import type en from '../../public/_locales/en/messages.json';
import { browser } from './browser';

/** Every message key there is: en/messages.json is the one list, so tsc rejects a key it lacks. */
export type MessageKey = keyof typeof en;

/** Message keys are made from ids, "security-block" -> "security_block"; as a type too, so tsc checks them. */
export type KeyPart<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}_${KeyPart<Tail>}` : S;

export const keyPart = <S extends string>(id: S): KeyPart<S> => id.replace(/-/g, '_') as KeyPart<S>;

/** Localised message from _locales; falls back to the key so a missing string is visible, not blank. */
export function t(key: MessageKey, substitutions?: string | string[]): string {
  try {
    return browser.i18n.getMessage(key, substitutions) || key;
  } catch {
    return key;
  }
}
