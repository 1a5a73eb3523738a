import { tinyDecoderDir } from './tiny-decoder.test-support';

/**
 * Builds the learner-exported fixture once, before any test file runs: exporting starts Python
 * and torch, which can take longer than a test hook's timeout on a busy machine.
 */
export default function globalSetup(): void {
  tinyDecoderDir(1, 'new');
  tinyDecoderDir(1, 'present');
}
