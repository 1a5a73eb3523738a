import { Tokenizer } from "@huggingface/tokenizers";
import { Template } from "@huggingface/jinja";
import fs from "node:fs";
const dir = process.argv[2];
const tj = JSON.parse(fs.readFileSync(dir + "/tokenizer.json", "utf8"));
const cfg = JSON.parse(fs.readFileSync(dir + "/config.json", "utf8"));
const ref = JSON.parse(fs.readFileSync(dir + "/reference.json", "utf8"));
const tok = new Tokenizer(tj, {});
const tmpl = new Template(cfg.chat_template);
let ok = true;
ref.messages.forEach((m, i) => {
  const text = tmpl.render({ messages: m, add_generation_prompt: true });
  if (text !== ref.prompts[i]) { ok = false; console.log("template mismatch", i, JSON.stringify(text)); }
  const enc = tok.encode(text, { add_special_tokens: false });
  const same = JSON.stringify(enc.ids) === JSON.stringify(ref.prompt_token_ids[i]);
  if (!same) { ok = false; console.log("ids mismatch", i, enc.ids.slice(0, 20)); }
  const dec = tok.decode(enc.ids, { skip_special_tokens: false });
  if (dec !== text) { ok = false; console.log("decode mismatch", JSON.stringify(dec)); }
});
console.log(ok ? "JS OK" : "JS FAIL");
