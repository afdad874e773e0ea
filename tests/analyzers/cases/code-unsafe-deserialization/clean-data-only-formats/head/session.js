const serialize = require("node-serialize");

function load(req) {
  const profile = JSON.parse(req.cookies.profile);
  const text = serialize.serialize({ a: 1 });
  const fixed = serialize.unserialize('{"a":1}');
  return [profile, text, fixed];
}
