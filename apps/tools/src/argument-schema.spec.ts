import { status } from '@grpc/grpc-js';
import { validateArguments, type ArgumentSchema } from './argument-schema';

const schema: ArgumentSchema = {
  type: 'object',
  properties: {
    query: { type: 'string', description: 'what to look for', maxLength: 10 },
    top_k: { type: 'integer', description: 'hits', minimum: 1, maximum: 50, default: 5 },
    corpus: { type: 'string', description: 'which corpus', enum: ['wiki', 'world'] },
  },
  required: ['query'],
  additionalProperties: false,
};

describe('validateArguments', () => {
  it('accepts valid arguments and fills defaults', () => {
    expect(validateArguments('search', schema, { query: 'paris' })).toEqual({ query: 'paris', top_k: 5 });
  });

  it.each([
    [{}, 'search: argument "query" is required (what to look for)'],
    [{ query: 3 }, 'search: argument "query" must be a string, got number'],
    [{ query: 'x'.repeat(11) }, 'search: argument "query" is 11 characters long; the limit is 10'],
    [{ query: 'a', top_k: 0 }, 'search: argument "top_k" must be between 1 and 50, got 0'],
    [{ query: 'a', top_k: 2.5 }, 'search: argument "top_k" must be an integer, got 2.5'],
    [{ query: 'a', corpus: 'web' }, 'search: argument "corpus" must be one of wiki, world; got "web"'],
    [{ query: 'a', qurey: 'typo' }, 'search: unknown argument "qurey"; accepted: query, top_k, corpus'],
    [{ query: 'a', constructor: 'x' }, 'search: unknown argument "constructor"; accepted: query, top_k, corpus'],
  ])('rejects %j with INVALID_ARGUMENT: %s', (args, message) => {
    expect(() => validateArguments('search', schema, args)).toThrow(expect.objectContaining({ code: status.INVALID_ARGUMENT, details: message }));
  });
});
