import * as OpenCC from 'opencc-js';
import { pinyin } from 'pinyin-pro';

/**
 * Chinese script conversions for matching: lists and suppliers write the same company in simplified characters
 * (华为), traditional ones (華為) or pinyin ("Huawei Jishu"), so names and queries meet on simplified characters
 * and on toneless pinyin.
 */

const HAN = /\p{Script=Han}/u;
const HAN_RUN = /\p{Script=Han}+/gu;
/** Chinese legal forms, in simplified characters, that say nothing about which company is meant. */
const CHINESE_LEGAL_FORMS = /(股份有限公司|有限责任公司|有限公司|集团公司|集团|公司)/g;

// Hong Kong and Taiwan variants both fold into mainland simplified characters.
const toSimplifiedConverter = OpenCC.Converter({ from: 'hk', to: 'cn' });

export function hasHan(text: string): boolean {
  return HAN.test(text);
}

export function toSimplified(text: string): string {
  return hasHan(text) ? toSimplifiedConverter(text) : text;
}

/** The Han characters of a name, in simplified script, without Chinese legal forms ("华为技术有限公司" → "华为技术"). */
export function hanCore(text: string): string {
  const simplified = toSimplified(text);
  const core = (simplified.match(HAN_RUN) ?? []).join('').replace(CHINESE_LEGAL_FORMS, '');
  return core || (simplified.match(HAN_RUN) ?? []).join('');
}

/** Toneless pinyin of a name's Han characters, run together ("华为技术" → "huaweijishu"); empty without Han. */
export function compactPinyin(text: string): string {
  const core = hanCore(text);
  return core ? pinyin(core, { toneType: 'none', type: 'array', nonZh: 'removed' }).join('') : '';
}
