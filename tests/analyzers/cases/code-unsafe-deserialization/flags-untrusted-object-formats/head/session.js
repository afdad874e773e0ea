const serialize = require("node-serialize");
const funcster = require("funcster");

function load(req, blob) {
  const profile = serialize.unserialize(req.cookies.profile);
  const state = serialize.unserialize(Buffer.from(blob, "base64").toString());
  const fn = funcster.deepDeserialize(blob);
  return [profile, state, fn];
}
