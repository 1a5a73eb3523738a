import { createIdAllocator } from './unique-id-allocator';

describe('createIdAllocator', () => {
  it('keeps the first title bare and numbers repeats', () => {
    const allocate = createIdAllocator();
    expect(['A', 'B', 'A', 'A'].map(allocate)).toEqual(['A', 'B', 'A#2', 'A#3']);
  });

  it('never hands out an id twice, even when a title looks like a suffixed one', () => {
    const allocate = createIdAllocator();
    const ids = ['A#2', 'A', 'A'].map(allocate);
    expect(ids).toEqual(['A#2', 'A', 'A#3']);
  });
});
