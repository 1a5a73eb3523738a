import { containsPhrase } from './contains-phrase';
import { namePhrases } from './name-phrases';
import { contentTokens, sameContent } from './content-tokens';

describe('namePhrases', () => {
  it.each([
    ['Which city has more people, Kapiodail or Draithio?', ['Kapiodail', 'Draithio']],
    ['In what year was the founder of Kriokegu Motors born?', ['Kriokegu Motors']],
    ['Were Scott Derrickson and Ed Wood of the same nationality?', ['Scott Derrickson', 'Ed Wood']],
    ['Roger O. Egeberg was Assistant Secretary for Health', ['Roger O Egeberg', 'Assistant Secretary', 'Health']],
    ['The University of Oxford and Apollo 11.', ['University of Oxford', 'Apollo 11']],
    ['Born in Shiobioma in 1853, Tairus Breashuk grew up there. About 1049380 people live in X.', ['Shiobioma', 'Tairus Breashuk', 'X']],
    ['no names here at all', []],
  ])('%j -> %j', (text, names) => {
    expect(namePhrases(text)).toEqual(names);
  });
});

describe('containsPhrase', () => {
  it('matches whole words, ignoring case, punctuation and possessives', () => {
    expect(containsPhrase('Roger O. Egeberg was born', 'roger o egeberg')).toBe(true);
    expect(containsPhrase("Pirate's Cove is a game", 'Pirate Cove')).toBe(true);
    expect(containsPhrase('Geasta Motors founded', 'Kriokegu Motors')).toBe(false);
    expect(containsPhrase('Motorsport', 'Motor')).toBe(false);
    expect(containsPhrase('anything', '  ')).toBe(false);
  });
});

describe('content tokens', () => {
  it('drops function words and compares in any order', () => {
    expect(contentTokens('The capital of France, 1,000 people')).toEqual(['capital', 'france', '1000', 'people']);
    expect(sameContent('Kriokegu Motors founded', 'founded the Kriokegu motors')).toBe(true);
    expect(sameContent('Kriokegu Motors founded', 'Kriokegu Motors founder')).toBe(false);
    expect(sameContent('the', 'of')).toBe(false);
  });
});
