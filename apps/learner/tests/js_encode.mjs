// Encodes each string of a JSON list with the JavaScript tokenizer the inference service uses,
// printing the id lists as JSON: the learner's tests compare them with Python's.
import { Tokenizer } from "@huggingface/tokenizers";
import fs from "node:fs";
const tok = new Tokenizer(JSON.parse(fs.readFileSync(process.argv[2], "utf8")), {});
const texts = JSON.parse(fs.readFileSync(process.argv[3], "utf8"));
console.log(JSON.stringify(texts.map((t) => tok.encode(t, { add_special_tokens: false }).ids)));
