import { compactPinyin, hanCore, hasHan } from './chinese.js';
import { namesWithin } from './name-parts.js';
import { nameTokens } from './normalize-name.js';

/**
 * One way of writing one of an entity's names, ready to compare: the name or alias as the graph holds it, a
 * name found inside it (a short name in brackets, a former name) or the pinyin of its Chinese characters.
 */
export interface NameForm {
  /** The name or alias as the graph holds it: what a reviewer looks up. */
  name: string;
  /** How this form was derived from `name`, when it is not the name itself. */
  via: 'short name' | 'former name' | 'name without brackets' | 'pinyin' | null;
  /** The text compared, e.g. "DJI" or "huaweijishu". */
  text: string;
  /** Normalised tokens of the text outside Chinese characters. */
  tokens: string[];
  /** The Chinese characters, simplified, without Chinese legal forms; empty when there are none. */
  han: string;
}

const CACHE_LIMIT = 50_000;
const cache = new Map<string, NameForm[]>();

/** Every form of one name, memoised: pinyin conversion is the slow part of matching. */
export function formsOf(name: string): NameForm[] {
  const known = cache.get(name);
  if (known) return known;
  const forms: NameForm[] = [written(name, name, null)];
  for (const part of namesWithin(name)) forms.push(written(name, part.name, part.kind));
  if (hasHan(name)) {
    const pinyin = compactPinyin(name);
    if (pinyin) forms.push({ name, via: 'pinyin', text: pinyin, tokens: [pinyin], han: '' });
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(name, forms);
  return forms;
}

/** A text as compared: Latin (and other alphabetic) tokens apart from its Chinese characters. */
export function written(name: string, text: string, via: NameForm['via']): NameForm {
  const han = hasHan(text) ? hanCore(text) : '';
  const tokens = nameTokens(han ? text.replace(/\p{Script=Han}+/gu, ' ') : text).filter(
    (token) => !hasHan(token),
  );
  return { name, via, text, tokens, han };
}
