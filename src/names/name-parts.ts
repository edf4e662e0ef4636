import { GENERIC_WORDS } from './generic-words.js';
import { nameTokens } from './normalize-name.js';

/** A name found inside another: a short name in brackets or a former name. */
export interface NamePart {
  name: string;
  kind: 'short name' | 'former name' | 'name without brackets';
}

const FORMER =
  /\(?\s*\b(?:formerly(?:\s+known\s+as)?|previously\s+known\s+as|f\/k\/a|f\.k\.a\.)\s+([^()]+?)\s*(?:\)|$)/i;
const FORMER_MARKER = /,?\s*former name$/i;
const BRACKETED = /\(([^()]{1,60})\)/g;

/**
 * The names a list writes inside a name: "Shenzhen DJI Technology Co., Ltd. (DJI)" holds the short name "DJI"
 * and "Foo Ltd. (formerly Bar Ltd.)" the former name "Bar Ltd.". A bracket that holds only generic words, places
 * or legal forms ("(Hong Kong)", "(Group)", "(Limited)") is no name of its own.
 */
export function namesWithin(name: string): NamePart[] {
  const parts: NamePart[] = [];
  let rest = name;
  const former = FORMER.exec(name);
  if (former?.[1]) {
    parts.push({ name: former[1].trim(), kind: 'former name' });
    rest = name.replace(former[0], ' ');
  }
  let bracketed = false;
  let formerWithout = false;
  for (const [whole, written = ''] of [...rest.matchAll(BRACKETED)]) {
    // "(BXA, former name)": the name outside the brackets is the former one.
    const marker = FORMER_MARKER.exec(written);
    const inner = marker ? written.slice(0, marker.index) : written;
    if (marker) formerWithout = true;
    const tokens = nameTokens(inner);
    const distinctive = tokens.some((token) => !GENERIC_WORDS.has(token)) && !isLegalOnly(inner);
    if (distinctive && tokens.length <= 4) {
      parts.push({ name: inner.trim(), kind: 'short name' });
      bracketed = true;
    }
    if (marker || (distinctive && tokens.length <= 4)) rest = rest.replace(whole, ' ');
  }
  const without = rest
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.])/g, '$1')
    .replace(/[,\s]+$/, '')
    .trim();
  if ((bracketed || former || formerWithout) && without && without !== name) {
    parts.push({ name: without, kind: formerWithout ? 'former name' : 'name without brackets' });
  }
  return parts.filter((part, index) => parts.findIndex((other) => other.name === part.name) === index);
}

/** "Limited" alone is dropped by nameTokens' fallback only when nothing else is left; catch it here. */
function isLegalOnly(text: string): boolean {
  return nameTokens(`x ${text}`).length === 1;
}
