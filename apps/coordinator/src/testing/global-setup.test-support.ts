import { grammarPolicyDir } from './grammar-policy.test-support';

/** Builds the grammar policy once before any test file runs (it starts Python and torch). */
export default function globalSetup(): void {
  grammarPolicyDir();
}
