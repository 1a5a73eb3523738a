import { status } from '@grpc/grpc-js';
import { decodePageToken, encodePageToken, page, pageSize } from './page-token';

describe('page tokens', () => {
  it('walks a list page by page and ends with an empty token', () => {
    const items = Array.from({ length: 7 }, (_, i) => i);
    const first = page(items, { pageSize: 3, pageToken: '' }, 'f');
    expect(first.items).toEqual([0, 1, 2]);
    const second = page(items, { pageSize: 3, pageToken: first.nextPageToken }, 'f');
    expect(second.items).toEqual([3, 4, 5]);
    const third = page(items, { pageSize: 3, pageToken: second.nextPageToken }, 'f');
    expect(third).toEqual({ items: [6], nextPageToken: '' });
  });

  it('applies the default and the maximum page size', () => {
    expect(pageSize(0)).toBe(50);
    expect(pageSize(10_000)).toBe(500);
    expect(pageSize(7)).toBe(7);
  });

  it('refuses a malformed token and a token of other filters with INVALID_ARGUMENT', () => {
    expect(() => decodePageToken('%%%', 'f')).toThrow(expect.objectContaining({ code: status.INVALID_ARGUMENT }));
    expect(() => decodePageToken(Buffer.from('{"o":-1,"f":"x"}').toString('base64url'), 'f')).toThrow('malformed');
    expect(() => decodePageToken(encodePageToken(3, 'state=RUNNING'), 'state=')).toThrow('other filters');
    expect(decodePageToken(encodePageToken(3, 'f'), 'f')).toBe(3);
  });
});
