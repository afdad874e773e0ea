const express = require('express');
const multer = require('multer');

const app = express();
const storage = multer.diskStorage({
  destination: 'public/uploads',
  filename: (req, file, cb) => cb(null, file.originalname),
});
const stamped = multer.diskStorage({
  destination: 'public/uploads',
  filename: (req, file, cb) => cb(null, `${Date.now()}-${file.originalname}`),
});
const upload = multer({ storage });
const later = multer({ storage: stamped });

app.post('/upload', upload.single('file'), (req, res) => {
  res.json({ url: `/uploads/${req.file.filename}` });
});

app.post('/avatar', (req, res) => {
  const avatar = req.files.avatar;
  avatar.mv('/srv/avatars/' + avatar.name);
  res.json({ ok: true });
});
