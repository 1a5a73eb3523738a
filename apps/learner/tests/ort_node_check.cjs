// Replays reference.json through model.onnx with onnxruntime-node; prints the max abs logit diff.
// Either graph signature (picked by output names): present.* outputs are the next cache as they
// are; new_key_values.* (swirl-onnx-kv-append/1) are appended to the cache here, along axis 2.
const ort = require("onnxruntime-node");
const fs = require("fs");

// [B, H, P, D] + [B, H, S, D] -> [B, H, P + S, D]
function append(past, fresh) {
  const [B, H, P, D] = past.dims;
  const S = fresh.dims[2];
  const out = new Float32Array(B * H * (P + S) * D);
  for (let bh = 0; bh < B * H; bh++) {
    out.set(past.data.subarray(bh * P * D, (bh + 1) * P * D), bh * (P + S) * D);
    out.set(fresh.data.subarray(bh * S * D, (bh + 1) * S * D), bh * (P + S) * D + P * D);
  }
  return new ort.Tensor("float32", out, [B, H, P + S, D]);
}

(async () => {
  const dir = process.argv[2];
  const ref = JSON.parse(fs.readFileSync(dir + "/reference.json"));
  const cfg = JSON.parse(fs.readFileSync(dir + "/config.json"));
  const s = await ort.InferenceSession.create(dir + "/model.onnx");
  const appends = s.outputNames.includes("new_key_values.0.key");
  const heads = cfg.num_key_value_heads ?? cfg.num_heads;
  let past = {};
  const B = ref.calls[0].input_ids.length;
  for (let i = 0; i < cfg.num_layers; i++) for (const k of ["key", "value"])
    past[`past_key_values.${i}.${k}`] = new ort.Tensor("float32", new Float32Array(0), [B, heads, 0, cfg.head_dim]);
  let worst = 0;
  for (const c of ref.calls) {
    const t = (a) => new ort.Tensor("int64", BigInt64Array.from(a.flat().map(BigInt)), [a.length, a[0].length]);
    const out = await s.run({ input_ids: t(c.input_ids), attention_mask: t(c.attention_mask), position_ids: t(c.position_ids), ...past });
    const want = c.logits.flat(2);
    const got = out.logits.data;
    for (let j = 0; j < want.length; j++) worst = Math.max(worst, Math.abs(want[j] - got[j]));
    const next = {};
    for (let i = 0; i < cfg.num_layers; i++) for (const k of ["key", "value"]) {
      const name = `past_key_values.${i}.${k}`;
      next[name] = appends ? append(past[name], out[`new_key_values.${i}.${k}`]) : out[`present.${i}.${k}`];
    }
    past = next;
  }
  console.log("onnxruntime-node", appends ? "new_key_values" : "present", "max abs diff", worst);
})();
