import { describe, expect, it } from 'vitest';
import { demoUscc, isValidUscc, usccCheckChar, usccProblem } from './uscc';

// Published codes: the standard's example, then 华为技术 (Shenzhen), 阿里巴巴(中国), 腾讯计算机 (Shenzhen), 小米科技 (Beijing).
const VALID = ['91350100M000100Y43', '914403001922038216', '91330100716105852F', '9144030071526726XG', '91110108551385082Q'];

describe('统一社会信用代码 GB 32100-2015', () => {
  it('accepts valid codes', () => {
    for (const c of VALID) expect(usccProblem(c), c).toBeNull();
  });

  it('rejects every single-character corruption of a valid code', () => {
    const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    for (const c of VALID) {
      for (let i = 0; i < 18; i++) {
        for (const ch of chars) {
          if (ch === c[i]) continue;
          const bad = c.slice(0, i) + ch + c.slice(i + 1);
          expect(isValidUscc(bad), bad).toBe(false);
        }
      }
    }
  });

  it('names the problem: length, characters outside the set, checksum', () => {
    expect(usccProblem('91350100M000100Y4')).toBe('length');
    expect(usccProblem('91350100M000100Y4O')).toBe('charset');
    expect(usccProblem('91350100I000100Y43')).toBe('charset');
    expect(usccProblem('91350100M000100Y44')).toBe('checksum');
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
  });

  it('makes distinct valid demo codes', () => {
    const codes = Array.from({ length: 500 }, (_, i) => demoUscc(i + 1));
    expect(new Set(codes).size).toBe(500);
    for (const c of codes) expect(isValidUscc(c), c).toBe(true);
  });
});
