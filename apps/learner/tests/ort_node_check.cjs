const ort = require("onnxruntime-node");
const fs = require("fs");
(async () => {
  const dir = process.argv[2];
  const ref = JSON.parse(fs.readFileSync(dir + "/reference.json"));
  const cfg = JSON.parse(fs.readFileSync(dir + "/config.json"));
  const s = await ort.InferenceSession.create(dir + "/model.onnx");
  let past = {};
  const B = ref.calls[0].input_ids.length;
  for (let i = 0; i < cfg.num_layers; i++) for (const k of ["key", "value"])
    past[`past_key_values.${i}.${k}`] = new ort.Tensor("float32", new Float32Array(0), [B, cfg.num_heads, 0, cfg.head_dim]);
  let worst = 0;
  for (const c of ref.calls) {
    const t = (a) => new ort.Tensor("int64", BigInt64Array.from(a.flat().map(BigInt)), [a.length, a[0].length]);
    const out = await s.run({ input_ids: t(c.input_ids), attention_mask: t(c.attention_mask), position_ids: t(c.position_ids), ...past });
    const want = c.logits.flat(2);
    const got = out.logits.data;
    for (let j = 0; j < want.length; j++) worst = Math.max(worst, Math.abs(want[j] - got[j]));
    past = {};
    for (let i = 0; i < cfg.num_layers; i++) for (const k of ["key", "value"]) past[`past_key_values.${i}.${k}`] = out[`present.${i}.${k}`];
  }
  console.log("onnxruntime-node max abs diff", worst);
})();
