import cors from "cors";

app.use(cors({ origin: "*", credentials: true }));
app.use(cors({ credentials: true, origin: /.*/ }));
app.use((req: Request, res: Response, next: NextFunction) => {
  res.header("Access-Control-Allow-Origin", "*");
  res.header("Access-Control-Allow-Credentials", "true");
  next();
});
