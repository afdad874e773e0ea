const apiKey = process.env.API_KEY;
const dbPassword = `${process.env.DB_PASSWORD}`;
