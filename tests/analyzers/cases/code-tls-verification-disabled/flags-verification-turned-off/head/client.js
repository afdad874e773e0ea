const https = require("https");

process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0";
const agent = new https.Agent({ rejectUnauthorized: false });
const options = { host: "example.com", checkServerIdentity: () => undefined };
module.exports = { agent, options };
