import { describe, expect, it } from 'vitest';
import { groupBy } from '../../src/shared/group-by.ts';

describe('groupBy', () => {
  it('keeps first-seen key order and item order, and leaves out null and undefined keys', () => {
    const items = [{ k: 'b', n: 1 }, { k: 'a', n: 2 }, { k: null, n: 3 }, { k: 'b', n: 4 }, { k: undefined, n: 5 }];
    const groups = groupBy(items, (i) => i.k);
    expect([...groups.keys()]).toEqual(['b', 'a']);
    expect(groups.get('b')!.map((i) => i.n)).toEqual([1, 4]);
    expect(groups.get('a')!.map((i) => i.n)).toEqual([2]);
  });
});
