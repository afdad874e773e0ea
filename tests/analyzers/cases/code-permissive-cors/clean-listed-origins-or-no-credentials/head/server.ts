import cors from "cors";

app.use(cors({ origin: ["https://app.example.com"], credentials: true }));
app.use(cors());
app.use((req: Request, res: Response, next: NextFunction) => {
  res.header("Access-Control-Allow-Origin", "https://app.example.com");
  res.header("Access-Control-Allow-Credentials", "true");
  next();
});
