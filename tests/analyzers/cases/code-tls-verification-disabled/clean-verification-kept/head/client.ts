import * as https from "https";

export const agent = new https.Agent({ rejectUnauthorized: true });
export const options = { cache: false, secure: true };
export const strict = { strictSSL: true };
