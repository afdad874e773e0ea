import * as https from "https";
import * as tls from "tls";

export const agent = new https.Agent({ rejectUnauthorized: false });
export const socket = tls.connect({ host: "example.com", port: 443, "rejectUnauthorized": false });
process.env["NODE_TLS_REJECT_UNAUTHORIZED"] = "0";
