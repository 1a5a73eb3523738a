import { cacheTensorNames, detectCacheOutputs } from './decoder-graph';

describe('detectCacheOutputs', () => {
  const outputs = (prefix: string, layers: number) => ['logits', ...Array.from({ length: layers }, (_, l) => [`${prefix}.${l}.key`, `${prefix}.${l}.value`]).flat()];

  it('names the signature whose cache outputs a graph has for every layer', () => {
    expect(detectCacheOutputs(outputs('present', 2), 2)).toBe('present');
    expect(detectCacheOutputs(outputs('new_key_values', 2), 2)).toBe('new');
  });

  it('finds none when a layer is missing or the names are someone else\'s', () => {
    expect(detectCacheOutputs(outputs('present', 1), 2)).toBeUndefined();
    expect(detectCacheOutputs(outputs('new_key_values', 2).filter((n) => n !== 'new_key_values.1.value'), 2)).toBeUndefined();
    expect(detectCacheOutputs(outputs('past', 2), 2)).toBeUndefined();
  });

  it('pairs the past inputs with the outputs in the same layer order', () => {
    expect(cacheTensorNames(2, 'new')).toEqual({
      past: ['past_key_values.0.key', 'past_key_values.0.value', 'past_key_values.1.key', 'past_key_values.1.value'],
      out: ['new_key_values.0.key', 'new_key_values.0.value', 'new_key_values.1.key', 'new_key_values.1.value'],
    });
  });
});
