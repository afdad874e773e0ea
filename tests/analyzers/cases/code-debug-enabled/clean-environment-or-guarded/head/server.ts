import express, { NextFunction, Request, Response } from "express";

const app = express();
app.use((err: Error, req: Request, res: Response, next: NextFunction) => {
  logger.error({ stack: err.stack });
  res.status(500).json({ error: "Internal error" });
});
export const options = { showStack: false };
