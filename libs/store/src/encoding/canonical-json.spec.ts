import { runInNewContext } from 'node:vm';
import { canonicalJson, contentHash } from './canonical-json';

describe('canonicalJson', () => {
  it('sorts keys at every depth, so key order does not change the text', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 0, y: 1 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"y":1,"z":0}]},"b":1}');
    expect(contentHash({ x: 1, y: 2 })).toBe(contentHash({ y: 2, x: 1 }));
    expect(contentHash({ x: 1 })).not.toBe(contentHash({ x: 2 }));
  });

  it('leaves out undefined properties but refuses undefined array items', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
    expect(() => canonicalJson([1, undefined])).toThrow('$[1] is undefined');
  });

  it('refuses values JSON cannot carry, naming where they are', () => {
    expect(() => canonicalJson({ a: { b: Number.NaN } })).toThrow('$.a.b is NaN');
    expect(() => canonicalJson({ when: new Date(0) })).toThrow('$.when is a Date');
    expect(() => canonicalJson({ m: new Map() })).toThrow('$.m is a Map');
    expect(() => canonicalJson({ f: () => 1 })).toThrow('$.f is a function');
  });
});

describe('canonicalJson across realms', () => {
  it('accepts plain objects made in another vm context and objects without a prototype', () => {
    const foreign = runInNewContext('({ b: [1, { c: 2 }], a: "x" })');
    expect(canonicalJson(foreign)).toBe('{"a":"x","b":[1,{"c":2}]}');
    expect(canonicalJson(Object.assign(Object.create(null), { z: 1 }))).toBe('{"z":1}');
  });
});
