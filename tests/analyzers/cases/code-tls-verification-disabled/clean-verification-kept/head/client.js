const https = require("https");

const agent = new https.Agent({ rejectUnauthorized: true, ca: process.env.CA_BUNDLE });
process.env.NODE_TLS_REJECT_UNAUTHORIZED = "1";
const options = { host: "example.com", keepAlive: false };
module.exports = { agent, options };
