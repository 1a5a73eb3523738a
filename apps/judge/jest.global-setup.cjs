// Builds the inference service's tiny test model once, with the inference package's own
// fixture code (the learner's exporter), and hands its directory to the llm judge tests.
module.exports = async function globalSetup() {
  const { tinyDecoderDir } = require('../inference/src/testing/tiny-decoder.test-support.ts');
  process.env.SWIRL_JUDGE_TEST_MODEL_DIR = tinyDecoderDir();
};
