import { miniPolicyDir } from './mini-policy.test-support';

/** Trains the test policy once, before any test file runs (it takes longer than a hook should). */
export default function globalSetup(): void {
  miniPolicyDir();
}
